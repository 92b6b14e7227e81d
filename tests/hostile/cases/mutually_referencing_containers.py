# Cycles through several containers: list -> dict -> tuple -> list.
a = []
d = {"a": a}
t = (d, a)
a.append(t)
a.append(d)
print(a)
print(d)
print(t)
b = [a, [a, [a]]]
print(b)

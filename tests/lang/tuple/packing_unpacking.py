# Tuple packing and unpacking in assignments.
t = 1, 2, 3
print(t)
a, b, c = t
print(a, b, c)
x, y = "xy"
print(x, y)
p, q = [10, 20]
print(p, q)
(m, n) = (5, 6)
print(m, n)
[r, s] = (7, 8)
print(r, s)
i, j = range(2)
print(i, j)

# Two names for the same list see each other's changes.
a = [1, 2, 3]
b = a
b.append(4)
print(a)
print(a is b, a == b)
c = a[:]
print(c is a, c == a)
c.append(5)
print(a, c)
def mutate(lst):
    lst.append("m")
mutate(a)
print(a)

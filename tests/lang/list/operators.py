# +, *, += and *= on lists.
a = [1, 2]
b = [3]
print(a + b, a * 2, 2 * a, a * 0, [0] * 5)
c = a
c += [9]
print(a, c is a)
d = a
d = d + [10]
print(a, d)
e = [1]
e *= 3
print(e)
f = [[0]] * 3
f[0].append(1)
print(f)
g = [1]
g += (2, 3)
g += "ab"
print(g)

# Unpacking nested structures.
(a, b), c = (1, 2), 3
print(a, b, c)
x, (y, (z, w)) = 1, (2, (3, 4))
print(x, y, z, w)
for (k, v), n in [(("a", 1), 10), (("b", 2), 20)]:
    print(k, v, n)
[p, [q, r]] = [1, "ab"]
print(p, q, r)

# Tuples and floats use CPython's hash values, so the order matches.
s = set()
for t in [(1, 2), (2, 1), (0, 0), (3, 4), (-1, 5), ((1, 2), 3)]:
    s.add(t)
print(s)
f = set()
for x in [0.5, 1.5, -2.25, 1e10, 3.0, 100.125, -0.5]:
    f.add(x)
print(f)
print(set([1.0, 2, 2.5, (1,), 3]))

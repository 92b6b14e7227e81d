# `in`, index() and count() on big ranges use arithmetic, not a scan.
B = 10 ** 20
s = range(3, B, 7)
print(3 in s, 10 in s, 11 in s, B - 1 in s, 3 + 7 * 10 ** 18 in s, 2 in s, True in range(B))
n = range(B, -B, -9)
print(B in n, B - 9 in n, B - 8 in n, -B in n, -B + 1 in n)
print(s.index(10), s.index(3 + 7 * 10 ** 18), s.count(10), s.count(11), n.index(B - 9 * 10 ** 18))
print(1.0 in range(B), range(B).index(5.0), 10 ** 30 in range(5))
for bad in [11, B * 10]:
    try:
        s.index(bad)
    except ValueError as e:
        print("ValueError:", e)

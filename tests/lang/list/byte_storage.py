# Long runs of one small int ([k] * n, n >= 4096, k in 0..255) keep one byte
# per item. Every list operation must behave exactly as on any other list,
# including the ones that switch the storage back to Values (a store of
# anything but an int in 0..255, methods, slices, comparisons).
N = 5000

def fresh(k=0):
    return [k] * N

a = fresh()
print(len(a), a[0], a[-1], a[N - 1], a[-N], sum(a), 0 in a, 1 in a)
a[3] = 7
a[-1] = 255
print(a[3], a[N - 1], a[:5], a[-3:], a[1:10:3], a[::-1][:2], sum(a))
for bad in (N, -N - 1):
    try:
        a[bad]
    except IndexError as e:
        print("IndexError", e)
    try:
        a[bad] = 1
    except IndexError as e:
        print("IndexError", e)

# Stores that do not fit a byte: the list keeps every item.
for v in (256, -1, True, 1.5, "x", None, 2 ** 70, (1, 2)):
    b = fresh(9)
    b[100] = v
    print(repr(v), b[99], b[100], b[101], len(b), b.count(9))

# Iteration, reversed, enumerate, builtins.
c = fresh(3)
c[10] = 200
t = 0
for x in c:
    t += x
print(t, max(c), min(c), sorted(c)[-2:], sum(reversed(c)), list(enumerate(c))[9:11])
print(c.index(200), c.count(3), c[10:12], tuple(c[8:12]), str(c[:4]), repr(c[-2:]))

# Methods (switch to Values), each on a fresh list.
d = fresh(1); d.append(2); print(len(d), d[-2:])
d = fresh(1); d.append(300); print(len(d), d[-2:])
d = fresh(1); d.extend([5, 6]); print(len(d), d[-3:])
d = fresh(1); d.insert(0, 4); print(d[:3], len(d))
d = fresh(1); print(d.pop(), d.pop(0), len(d))
d = fresh(1); d[7] = 0; d.remove(0); print(d.count(0), len(d))
d = fresh(1); d[0] = 9; d.reverse(); print(d[-1], d[0])
d = fresh(1); d[5] = 0; d.sort(); print(d[:2], d[-1])
d = fresh(1); d[5] = 0; d.sort(reverse=True); print(d[-2:])
d = fresh(1); e = d.copy(); e[0] = 2; print(d[0], e[0], e is d)
d = fresh(1); d.clear(); print(d, len(d))
d = fresh(1); del d[0]; del d[-1]; print(len(d))
d = fresh(1); del d[::2]; print(len(d))
d = fresh(1); d[10:20] = [7, 8]; print(len(d), d[9:13])
d = fresh(1); d[0:4] = d[0:2]; print(len(d))
d = fresh(1); d[::1000] = [5] * 5; print(d[0], d[1000], d[4000], d[1])

# Operators.
f = fresh(2)
g = fresh(2)
print(f == g, f != g, f < g, f <= g, f + [1] == g + [1], len(f + g), len(f * 2), len(2 * f))
g[N - 1] = 3
print(f == g, f < g, g > f, [2] * 3 == f[:3])
f += [4]
print(len(f), f[-1])
h = fresh(6)
h *= 2
print(len(h), h[-1])
k = fresh(7)
k2 = k
k2 *= 1
print(k is k2, len(k))

# Copies and conversions.
m = fresh(8)
m[1] = 9
print(list(m)[:3], m[:][:3], tuple(m)[:3], set(m) == {8, 9}, dict(enumerate(m))[1])
n2 = [m[i] * 2 for i in range(3)]
print(n2, [x for x in m if x == 9])
p, *q = fresh(4)
print(p, len(q), q[0])

# A list subclass built from byte storage.
class L(list):
    pass
s = L(fresh(5))
s[0] = 1000
print(type(s).__name__, len(s), s[0], s[1])

# Aliasing: every name sees the store that switched the storage.
u = fresh(0)
w = u
u[1] = 1000
print(w[1], w[0], u is w)

# Nested: a list of byte lists.
grid = [fresh(0) for _ in range(3)]
grid[1][2] = 5
grid[2][3] = 500
print(sum(map(sum, grid)), grid[1][2], grid[2][3], grid[0][2])

# Constant indices into one list: the bounds guards of a[0], a[1], a[5] on
# one length are widened into a single guard (jit/opt_fold.cpp). A shorter
# list makes the widened guard exit before a[0]; the interpreter then runs
# the side effects in between again and raises IndexError at a[5] itself.
# jit-flags: --jit-param hotloop=5
# expect: compiled >= 2
out = [0, 0]
def f(a):
    s = a[0]
    out[0] = s
    s += a[1] * 2
    out[1] = s
    s += a[5]
    return s

def run(rows):
    total = 0
    for r in rows:
        total += f(r)
    return total

rows = [[i, i + 1, i + 2, i + 3, i + 4, i + 5] for i in range(60)]
print(run(rows), out)
rows[40] = [7, 8, 9]
try:
    run(rows)
except IndexError as e:
    print("IndexError:", e, out)

# One list, loop-invariant: the widened guard sits before the loop.
def g(a, n):
    t = 0
    for i in range(n):
        t += a[2] + a[0] * i + a[4]
    return t
print(g([1, 2, 3, 4, 5], 100))
try:
    print(g([1, 2, 3, 4], 100))
except IndexError as e:
    print("IndexError:", e)

# Two lists: their guards are separate (different lengths).
def h(a, b, n):
    t = 0
    for i in range(n):
        t += a[0] + b[3] + a[5] + b[1]
    return t
print(h([1, 2, 3, 4, 5, 6], [7, 8, 9, 10], 50))
try:
    print(h([1, 2, 3, 4, 5, 6], [7, 8, 9], 50))
except IndexError as e:
    print("IndexError:", e)

# Stores.
def k(rows):
    for r in rows:
        r[3] = r[0] + r[1]
        r[4] = r[3] * 2
    return rows
print(k([[i, i, 0, 0, 0] for i in range(20)])[-1])
try:
    k([[i, i, 0, 0, 0] for i in range(20)] + [[1, 2, 3, 4]])
except IndexError as e:
    print("IndexError:", e)

# A variable index recorded non-negative that turns negative: the single
# unsigned bound guard (no i >= 0 guard) exits, and the interpreter indexes
# from the end.
def neg(a, lo, hi):
    t = 0
    i = hi
    while i > lo:
        t = (t * 3 + a[i]) % 100003
        a[i] = t % 1000
        i -= 1
    return t
xs = list(range(100))
print(neg(xs, -90, 95), xs[:5], xs[-5:])
try:
    neg(xs, -200, 50)
except IndexError as e:
    print("IndexError:", e, xs[:3])

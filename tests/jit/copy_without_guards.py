# Values a trace only copies (t = a[i]; a[i] = a[j]; a[j] = t) need no type
# guard, so the same compiled loop later moves floats, strings or None
# around. Values whose type the trace relied on without reading them
# (unary +, int(), a comparison) keep their guard and still raise or
# convert like the interpreter.
# jit-flags: --jit-param hotloop=3,hotexit=3
# expect: compiled >= 4
def reverse(xs):
    lo = 0
    hi = len(xs) - 1
    while lo < hi:
        t = xs[lo]
        xs[lo] = xs[hi]
        xs[hi] = t
        lo += 1
        hi -= 1
    return xs

def rotate(xs, n):
    head = xs[0]
    i = 0
    while i < n:
        xs[i] = xs[i + 1]
        i += 1
    xs[n] = head
    return xs

for _ in range(20):
    reverse(list(range(10)))
    rotate(list(range(10)), 9)
print(reverse(list(range(10))))
print(reverse([1.5, "a", None, (1, 2), 7, -0.0, [3], "zz"]))
print(rotate([1.5, "a", None, 2 ** 80, 4, 5.5], 5))
print(rotate([10, 20, 30, 40], 3))

def plus_all(xs):
    out = [0] * len(xs)
    i = 0
    while i < len(xs):
        out[i] = +xs[i]
        i += 1
    return out

for _ in range(10):
    plus_all([1, 2, 3, 4])
print(plus_all([5, -6, 7]))
try:
    plus_all([1, 2, "three", 4])
except TypeError as e:
    print("TypeError", e)

def as_ints(xs):
    out = [0] * len(xs)
    i = 0
    while i < len(xs):
        out[i] = int(xs[i])
        i += 1
    return out

for _ in range(10):
    as_ints([1, 2, 3])
print(as_ints([4, 5.75, -2.5, 7]))

def copy_then_add(xs, ys):
    i = 0
    total = 0
    while i < len(xs):
        v = xs[i]
        ys[i] = v
        if i % 4 == 3:
            total += v
        i += 1
    return total, ys

for _ in range(10):
    copy_then_add(list(range(8)), [0] * 8)
print(copy_then_add(list(range(12)), [0] * 12))
try:
    print(copy_then_add([1, 2, 3, "x", 5], [0] * 5))
except TypeError as e:
    print("TypeError", e)
print(copy_then_add([1, 2, 3, 4.5, 5], [0] * 5))

# A side trace takes over the values its parent loaded and checked but never
# wrote (clean slots: ints, floats, lists) from the parent's registers or
# spill slots instead of loading and guarding them again. Each case has the
# side trace read such values, including after a type change elsewhere and
# with loop-carried slots, which are not clean inside the loop body.
# jit-flags: --jit-param hotloop=3,hotexit=2
# expect: compiled >= 6
def branchy(xs, scale, offset):
    total = 0
    i = 0
    n = len(xs)
    while i < n:
        v = xs[i]
        if v % 3 == 0:          # side trace: reads scale, offset, xs, n (clean)
            total += v * scale + offset + n
        else:
            total -= v
        i += 1
    return total

print(branchy(list(range(40)), 7, 11))
print(branchy(list(range(25)), 2, -5))
print(branchy([3, 6, 9, 1, 2], 100, 1))

def floats(xs, k, bias):
    acc = 0.0
    for x in xs:
        if x > 0.5:             # side trace reads k and bias (clean floats)
            acc += x * k + bias
        else:
            acc -= x
    return acc

vals = [((i * 37) % 100) / 100.0 for i in range(60)]
print(floats(vals, 1.5, 0.25))
print(floats(vals, -2.0, 3.0))

def many(a, b, c, d, e, f, g, h, xs):
    # More live values than registers: some clean values are spilled.
    t = 0
    for x in xs:
        if x & 1:
            t += a * x + b - c + d * e - f + g * h
        else:
            t += a + b + c + d + e + f + g + h + x
    return t

print(many(1, 2, 3, 4, 5, 6, 7, 8, list(range(50))))
print(many(9, -8, 7, -6, 5, -4, 3, -2, list(range(31))))

def lists(src, dst, k):
    i = 0
    while i < len(src):
        if src[i] > k:          # side trace indexes src and dst (clean lists)
            dst[i] = src[i] - k
        else:
            dst[i] = 0
        i += 1
    return dst

print(lists(list(range(30)), [0] * 30, 17))
print(lists([5, 50, 5, 50, 5, 50, 5, 50], [1] * 8, 10))

def counting(xs, step):
    # i and total are loop-carried: in the loop body they are not clean.
    i = 0
    total = 0
    while i < len(xs):
        if xs[i] > 10:
            total += xs[i] * step + i
        i += step
    return total, i

print(counting(list(range(60)), 2))
print(counting(list(range(60)), 3))
print(counting([1.5] * 5 + list(range(20)), 1))

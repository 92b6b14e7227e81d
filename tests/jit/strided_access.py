# Loops that step through a list by a loop-invariant stride of 8 items or
# more prefetch ahead of their loads and stores (PREFETCH in the peeled
# loop). The hint reaches past the end of the list and, for negative
# strides, before its start; results must match the interpreter's.
# jit-flags: --jit-param hotloop=5
# expect: compiled >= 4
def mark(n, stride, start):
    xs = [0] * n
    m = start
    while m < n:
        xs[m] = 1
        m += stride
    return sum(xs)

for stride in (8, 9, 64, 1000, 4096):
    print(stride, mark(20000, stride, 3), mark(100, stride, 0))

def gather(xs, stride):
    total = 0
    i = 0
    n = len(xs)
    while i < n:
        total += xs[i]
        i += stride
    return total

data = list(range(50000))
for stride in (8, 17, 333, 49999, 50000):
    print(stride, gather(data, stride))

def backwards(xs, stride):
    total = 0
    i = len(xs) - 1
    while i >= 0:
        total += xs[i] * 3
        xs[i] = -xs[i]
        i -= stride
    return total, xs[-1], xs[0]

print(backwards(list(range(10000)), 8))
print(backwards(list(range(10000)), 250))

def two_lists(a, b, stride):
    i = 0
    while i < len(a):
        b[i] = a[i] + b[i]
        i = i + stride
    return b[::stride][:5]

print(two_lists(list(range(4000)), [7] * 4000, 12))

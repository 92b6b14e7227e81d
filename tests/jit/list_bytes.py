# Traces over lists with byte storage ([k] * n, n >= 4096): loads are ints
# 0..255 with no type guard, stores of such ints write one byte, and a store
# of anything else leaves the trace, switches the list to Values and carries
# on. A trace made for one storage must not misread the other.
# jit-flags: --jit-param hotloop=5
# expect: compiled >= 5
N = 6000

def mark(xs, step, value):
    i = 0
    while i < len(xs):
        xs[i] = value
        i += step
    return xs

def total(xs):
    t = 0
    for x in xs:
        t += x
    return t

def total_by_index(xs):
    t = 0
    i = 0
    while i < len(xs):
        t += xs[i]
        i += 1
    return t

a = [0] * N
mark(a, 3, 1)
mark(a, 700, 255)
print(total(a), total_by_index(a))

# A store that does not fit a byte, mid-loop: the list becomes Values.
b = [1] * N
def ramp(xs):
    i = 0
    while i < len(xs):
        xs[i] = i // 20
        i += 1
    return xs
ramp(b)
print(b[100], b[5099], b[N - 1], total(b))

# The same functions, now on a Value list and on a list of floats.
c = [0] * 100
print(total(mark(c, 7, 2)), total_by_index(c))
d = [0.5] * N
print(total(d), total_by_index(d))

# Strided marking with large steps (prefetch over bytes).
e = [0] * 200000
for step in (64, 65, 1000, 4099):
    mark(e, step, 1)
print(total(e))

# A sieve with flags as bytes.
def sieve(n):
    flags = [1] * n
    flags[0] = 0
    flags[1] = 0
    p = 2
    while p * p < n:
        if flags[p]:
            m = p * p
            while m < n:
                flags[m] = 0
                m += p
        p += 1
    return flags
f = sieve(100000)
print(total(f), f[99991], f[99989], f[4])

# Integer arithmetic in hot loops (inside functions, so that the JIT compiles
# them) that crosses every boundary a compiled trace may assume: the 48-bit
# small-int range, 64-bit machine words, and back. Every operator is exercised
# near the edges; the answers are CPython's.
SMAX = 2 ** 47 - 1
SMIN = -(2 ** 47)
EDGES = [SMAX - 2, SMAX, SMAX + 1, SMIN, SMIN - 1, SMIN + 1, 2 ** 63 - 1, 2 ** 63,
         -(2 ** 63), -(2 ** 63) - 1, 2 ** 64, 0, 1, -1, 3, -7]


def fold(op, xs, ys):
    h = 0
    for x in xs:
        for y in ys:
            try:
                r = op(x, y)
            except ZeroDivisionError:
                r = -12345
            h = (h * 1000003 + r) % (2 ** 89 - 1)
    return h


OPS = [
    ("add", lambda a, b: a + b),
    ("sub", lambda a, b: a - b),
    ("mul", lambda a, b: a * b),
    ("floordiv", lambda a, b: a // b),
    ("mod", lambda a, b: a % b),
    ("neg", lambda a, b: -a - b),
    ("abs", lambda a, b: abs(a) + abs(b)),
    ("lshift", lambda a, b: a << (b % 70) if b >= 0 else a << 1),
    ("rshift", lambda a, b: a >> (b % 70) if b >= 0 else a >> 1),
    ("and", lambda a, b: a & b),
    ("or", lambda a, b: a | b),
    ("xor", lambda a, b: a ^ b),
    ("invert", lambda a, b: ~a + ~b),
    ("pow", lambda a, b: a ** (b % 3) if b >= 0 else a ** 2),
    ("cmp", lambda a, b: (a < b) + 2 * (a == b) + 4 * (a >= b)),
]


def all_ops():
    for name, op in OPS:
        print(name, fold(op, EDGES, EDGES))


def counters():
    # Counters that walk across the small-int boundary in both directions,
    # with every kind of update, inside one hot loop.
    a = SMAX - 150
    b = SMIN + 150
    c = 1
    d = -(2 ** 62)
    for i in range(300):
        a += 1
        b -= 1
        c = c * 2 + 1 if i < 100 else c // 2
        d = d * 2 if i % 2 == 0 and abs(d) < 2 ** 70 else -(d // 3)
    print(a, a - SMAX, b, b - SMIN, c, d)


def one_direction(n, start, delta):
    # A single update per iteration, so the trace is as simple as it gets.
    x = start
    for i in range(n):
        x += delta
    return x


def with_side_exit():
    # A counter that overflows when a side trace is already attached.
    x = 0
    y = SMAX - 400
    for i in range(800):
        if i % 2:
            x += i
        else:
            x -= 1
        y += 1
    print(x, y, y > SMAX)


def products():
    # Multiplication that overflows 48 bits, then 64 bits, then comes back.
    m = 3
    out = []
    for i in range(120):
        m = m * 7 if i < 40 else m // 5
        if i % 20 == 0:
            out.append(m)
    print(out, m)


def ranges():
    # range() whose bounds and step straddle the boundaries, iterated hot.
    for r in (range(SMAX - 100, SMAX + 100), range(2 ** 63 - 50, 2 ** 63 + 50),
              range(SMIN + 50, SMIN - 50, -1), range(0, 2 ** 64, 2 ** 57)):
        s = 0
        for v in r:
            s += v
        print(s)
    print(len(range(-(2 ** 63), 2 ** 63, 2 ** 56)))


def negation():
    # Negation and abs of the most negative small int, and // -1 of it, hot.
    hits = []
    for i in range(200):
        v = SMIN if i % 50 == 0 else -i
        hits.append((-v) // 7 + abs(v) % 11 + v // -1)
    print(sum(hits), hits[0], hits[100])


def growth():
    # Growth past 64 bits and back down to small ints in the same loop.
    g = 1
    peak = 0
    for i in range(400):
        g = g * 3 if i < 200 else g // 3
        if g > peak:
            peak = g
    print(g, peak.bit_length(), peak % 1000000007)


def float_overflow():
    # Mixed int/float where the int part outgrows the float range.
    f = 0.5
    k = 1
    i = 0
    try:
        for i in range(2000):
            k *= 4
            f = f + k
    except OverflowError as e:
        print("OverflowError:", e, i)


all_ops()
counters()
print(one_direction(1000, SMAX - 500, 1), one_direction(1000, SMIN + 500, -1))
print(one_direction(300, 0, 2 ** 40), one_direction(300, 0, -(2 ** 40)))
print(one_direction(100, 2 ** 63 - 50, 1), one_direction(100, -(2 ** 63) + 50, -1))
with_side_exit()
products()
ranges()
negation()
growth()
float_overflow()

# Hot loops (inside functions, so that the JIT compiles them) whose
# assumptions break once they run as traces: argument types, a rebound global
# function and builtin, an attribute whose type changes, a class attribute
# replaced, a property added, instances of a new shape, and list items that
# change type. Each change must leave the trace by a guard and give CPython's
# answer, in the loop and after it.
def step(x, y):
    return x + y


def add_all(items, start):
    acc = start
    for v in items:
        acc = step(acc, v)
    return acc


def arguments():
    print(add_all(list(range(200)), 0))
    print(add_all([i + 0.5 for i in range(200)], 0))
    print(add_all(["a", "b", "c"] * 70, ""))
    print(add_all([[i] for i in range(5)] * 40, [])[-6:])
    print(add_all([(i,) for i in range(3)] * 60, ())[:7])
    print(add_all([2 ** 60] * 100 + [1] * 100, 0))
    print(add_all([True, False] * 100, 0))
    print(add_all([1] * 100 + [0.5] * 50 + [2 ** 70] * 50, 0))


def twice(x):
    return 2 * x


def thrice(x):
    return 3 * x


def rebound_function():
    # The function the trace calls is rebound in the middle of the loop.
    total = 0
    f = twice
    for i in range(400):
        if i == 250:
            f = thrice
        total += f(i)
    print(total)


scale = 2


def global_changes_type():
    global scale
    acc = 0
    for i in range(300):
        if i == 100:
            scale = 2.5
        if i == 200:
            scale = "x"
        if i < 200:
            acc += i * scale
        else:
            acc += len(i % 4 * scale)
    print(acc)


def measure(seq):
    return len(seq)


def builtin_shadowed():
    # A global shadows the builtin len() for a while, then goes away.
    g = globals()
    n = 0
    for i in range(300):
        if i == 150:
            g["len"] = lambda s: 1000
        if i == 250:
            del g["len"]
        n += measure([1, 2, 3])
    print(n)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    def __init__(self, x, y, z):
        self.z = z
        Point.__init__(self, x, y)


def norm1(points):
    s = 0
    for p in points:
        s += abs(p.x) + abs(p.y)
    return s


def attributes():
    pts = [Point(i, -i) for i in range(100)]
    print(norm1(pts))
    for i in range(0, 100, 3):
        pts[i].x = float(i) / 4
    print(norm1(pts))
    for i in range(1, 100, 7):
        pts[i].y = 2 ** 70 + i
    print(norm1(pts))
    for i in range(1, 100, 7):
        pts[i].y = i
    pts += [Point3(i, i, i) for i in range(50)]
    print(norm1(pts))
    Point.x = property(lambda self: 7)
    print(norm1(pts[:10]), norm1(pts))
    del Point.x
    print(norm1(pts))


class Config:
    factor = 3


def class_attribute():
    out = 0
    for i in range(300):
        if i == 120:
            Config.factor = 0.25
        if i == 240:
            Config.factor = -2 ** 80
        out += Config.factor * i
    print(out)


def sum_items(items):
    s = 0
    for v in items:
        s = s + v
    return s


def list_items():
    # List items that change type one by one while a loop sums them.
    items = list(range(50))
    sums = []
    for rnd in range(60):
        sums.append(sum_items(items))
        items[rnd % 50] = [1.5, 2 ** 64, True, -3][rnd % 4]
    print(sums[::6])
    print(sums[-1])


def comparisons():
    # A value compared in the loop stops being an int.
    seq = [3, 1, 2] * 50
    best = seq[0]
    for i in range(len(seq)):
        v = seq[i]
        if i == 100:
            seq[i + 1] = 2.75
        if v > best:
            best = v
    print(best)
    try:
        for i in range(200):
            w = seq[i] if i < 150 else "str"
            best = best if best > w else w
    except TypeError as e:
        print("TypeError:", e, i)


arguments()
rebound_function()
global_changes_type()
builtin_shadowed()
attributes()
class_attribute()
list_items()
comparisons()

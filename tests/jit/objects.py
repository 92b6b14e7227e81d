# Class instantiation inside a trace: the instance is allocated by a helper,
# __init__ is inlined (its attribute stores make shape transitions), and the
# new objects survive collections triggered inside the trace.
# jit-flags: --jit-param hotloop=3
# expect: compiled >= 1
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

def run(n):
    acc = Vec(0.0, 0.0)
    step = Vec(0.5, -0.25)
    kept = []
    for i in range(n):
        acc = acc.add(step)
        if i % 100 == 0:
            kept.append(acc)
    return acc.x, acc.y, len(kept), kept[3].x

print(run(2000))

class Bad:
    def __init__(self, v):
        self.v = v
        if v > 50:
            raise ValueError("too big: %d" % v)

def make(n):
    out = []
    for i in range(n):
        out.append(Bad(i))
    return out
try:
    make(100)
except ValueError as e:
    print("ValueError:", e)

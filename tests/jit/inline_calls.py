# Calls to Python functions and methods are inlined into the loop's trace.
# jit-flags: --jit-param hotloop=5
# expect: compiled >= 1
# expect: aborted == 0
def sq(x):
    return x * x

def dist2(a, b):
    return sq(a) + sq(b)

class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return self.x * other.x + self.y * other.y

def run(n):
    total = 0.0
    v = Vec(1.5, -2.0)
    w = Vec(0.5, 4.0)
    for i in range(n):
        total += dist2(i * 0.5, 1.0) + v.dot(w)
    return total
print(run(3000))

# Instance attribute loads and stores guarded by shape; a new shape mid-loop
# exits the trace.
# jit-flags: --jit-param hotloop=5
# expect: compiled >= 1
class Body:
    def __init__(self, x, v):
        self.x = x
        self.v = v

def step(bodies, n):
    for _ in range(n):
        for b in bodies:
            b.x = b.x + b.v * 0.01
    return [round(b.x, 6) for b in bodies]

bs = [Body(float(i), 1.0 + i) for i in range(4)]
print(step(bs, 1000))
odd = Body(0.0, 2.0)
odd.extra = 1
print(step(bs + [odd], 100))

# Compiled float code stores arithmetic results without re-canonicalising
# NaNs: the signs must match the interpreter's (and CPython's) in lists,
# locals and across exits.
# jit-flags: --jit-param hotloop=3,hotexit=2
# expect: compiled >= 3
import math

def run(n):
    inf = float("inf")
    xs = [0.0] * 8
    last = 0.0
    for i in range(n):
        a = inf - inf if i % 3 == 0 else i * 1.0
        b = -a
        xs[i % 8] = a * 0.5
        xs[(i + 1) % 8] = b + 1.0
        last = b * 3.0
    return [math.copysign(1.0, x) for x in xs], math.copysign(1.0, last)

print(run(50))
print(run(7))
print(run(49))

def mix(vals):
    out = []
    for v in vals:
        out.append(v * 2.0 - v)
        out.append(-(v + 0.0))
    return [math.copysign(1.0, w) for w in out]

print(mix([float("nan"), -float("nan"), 1.0, -2.0] * 6))

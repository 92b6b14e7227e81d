# NaN keeps its sign bit like CPython's on x86-64: inf - inf and 0 * inf give
# the negative default NaN, float('nan') is positive, negation flips it, and
# copysign, repr and comparisons see the same thing everywhere.
import math

inf = float("inf")
cases = {
    "inf - inf": inf - inf,
    "inf * 0": inf * 0.0,
    "nan": float("nan"),
    "-nan": -float("nan"),
    "--nan": -(-float("nan")),
    "abs(-nan)": abs(-float("nan")),
    "nan + 1": float("nan") + 1.0,
    "(inf - inf) + 1": (inf - inf) + 1.0,
    "-(inf - inf)": -(inf - inf),
}
for name, x in cases.items():
    print(name, x, math.copysign(1.0, x), x != x, x == x, math.isnan(x))

xs = [inf - inf, float("nan"), 1.5]
ys = [x * 2.0 for x in xs]
print([math.copysign(1.0, y) for y in ys], ys)
print(max(1.0, float("nan")), min(float("nan"), 1.0), sorted([3.0, 1.0, 2.0]))

# Arithmetic with infinities and NaN.
inf = float("inf")
nan = float("nan")
print(inf + 1, inf * 2, -inf * 2, inf / 1e308)
print(inf * 0, inf - inf, nan + 1)
print(1 / inf, -1 / inf)
print(abs(-inf), abs(nan))
print(inf == float("infinity"))
import math
print(math.isinf(inf), math.isnan(nan), math.isinf(1e308), math.isfinite(1.0))

# Classification functions on finite, infinite and NaN values.
import math
for v in [1.0, math.inf, -math.inf, math.nan, 0, 10 ** 300]:
    print(v, math.isnan(v), math.isinf(v), math.isfinite(v))
print(math.nan == math.nan, math.inf > 10 ** 300)

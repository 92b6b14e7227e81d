# floor, ceil and trunc return ints, rounding in different directions.
import math
for x in [2.5, -2.5, 3.0, -0.1, 7]:
    print(x, math.floor(x), math.ceil(x), math.trunc(x))
print(type(math.floor(1.5)).__name__, math.floor(1e20), math.ceil(-1e20))

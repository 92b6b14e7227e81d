# math.floor and math.ceil return ints.
import math
for x in [2.5, -2.5, 2.0, -2.0, 0.1, -0.1, 1e20, -1e20, 7]:
    print(x, math.floor(x), math.ceil(x), type(math.floor(x)))
print(math.trunc(-3.9), math.trunc(3.9))

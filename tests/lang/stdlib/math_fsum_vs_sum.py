# math.fsum avoids accumulated rounding error.
import math
vals = [0.1] * 10
print(sum(vals), math.fsum(vals))
print(math.fsum([1e100, 1.0, -1e100]), sum([1e100, 1.0, -1e100]))
print(math.fsum([]), math.fsum([1, 2, 3]), type(math.fsum([1])).__name__)

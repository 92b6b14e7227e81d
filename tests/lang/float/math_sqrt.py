# math.sqrt of perfect squares and others.
import math
for x in [0, 1, 2, 4, 9, 2.25, 1e100, 0.01, 10 ** 20]:
    print(x, math.sqrt(x))
print(math.sqrt(-0.0))
print(math.isqrt(99), math.isqrt(10 ** 40))

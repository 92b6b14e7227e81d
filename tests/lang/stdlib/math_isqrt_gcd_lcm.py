# Integer functions isqrt, gcd and lcm.
import math
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 20 + 1))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 8))
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(), math.lcm(0, 9), math.lcm(-4, 6))
try:
    math.isqrt(-1)
except ValueError as e:
    print(e)

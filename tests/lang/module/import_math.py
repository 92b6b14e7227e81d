# import math and use its functions and constants.
import math
print(math.pi, math.e, math.tau)
print(math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.fabs(-3))
print(math.factorial(20), math.gcd(84, 36), math.isqrt(1000))
print(type(math.floor(1.5)), type(math.sqrt(4)))

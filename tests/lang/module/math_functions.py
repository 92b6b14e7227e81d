# A wider set of math functions.
import math
print(math.exp(0), math.exp(1), math.log(1), math.log(math.e))
print(math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(0), math.tan(0))
print(math.sin(math.pi / 2), math.cos(math.pi))
print(math.atan2(1, 1), math.hypot(3, 4))
print(math.degrees(math.pi), math.radians(180))
print(math.pow(2, 10), math.pow(2, 0.5))
print(math.trunc(-2.7), math.copysign(3, -0.0), math.fmod(7, -3), -7 % 3)
print(math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.isclose(0.1 + 0.2, 0.3), math.isfinite(math.inf), math.isnan(math.nan))
print(math.floor(-0.0), math.ceil(-0.5))
print(math.gcd(0, 0), math.gcd(-12, 18), math.factorial(0))

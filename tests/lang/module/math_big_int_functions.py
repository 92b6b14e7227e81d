# math functions on big ints.
import math
print(math.factorial(60))
print(math.isqrt(10 ** 50), math.isqrt(2 ** 101))
print(math.gcd(2 ** 100, 10 ** 30))
print(math.floor(10 ** 30), math.ceil(-(10 ** 30)))
print(math.log10(10 ** 100), math.log2(2 ** 200))
print(math.sqrt(10 ** 40))

# math.log (natural and with base), log2 and log10.
import math
print(math.log(1), math.log(math.e), round(math.log(10), 12))
print(math.log(8, 2), math.log(100, 10), round(math.log(81, 3), 12))
print(math.log2(1024), math.log2(0.5), math.log10(1000), math.log10(0.01))
print(round(math.log2(10), 12), math.log(2 ** 100, 2), math.log10(10 ** 50))

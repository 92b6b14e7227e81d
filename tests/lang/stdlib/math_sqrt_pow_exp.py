# math.sqrt, math.pow and math.exp.
import math
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25), type(math.sqrt(4)).__name__)
print(math.pow(2, 10), math.pow(2, -1), math.pow(9, 0.5), math.pow(0, 0))
print(math.exp(0), math.exp(1) == math.e, round(math.exp(2), 10), math.exp(-1000))

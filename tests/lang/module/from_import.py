# from math import selected names.
from math import sqrt, floor
from math import pi
print(sqrt(2), floor(-0.5), pi)
def hyp(a, b):
    return sqrt(a * a + b * b)
print(hyp(3, 4))

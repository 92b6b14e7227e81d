# import ... as and from ... import ... as.
import math as m
from math import factorial as fact
import sys as system
print(m.sqrt(81), fact(6), system.getrecursionlimit())

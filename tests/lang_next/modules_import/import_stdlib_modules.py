# Importing standard library modules in several forms.
import math, sys
import random as rnd
from math import sqrt, pi as PI
from collections import namedtuple
print(math.sqrt(16), sqrt(2) == math.sqrt(2), PI == math.pi)
print(type(rnd).__name__, rnd.__name__, callable(namedtuple), sys.__name__)

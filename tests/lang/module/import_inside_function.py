# import inside a function binds a local name.
def root(x):
    import math
    return math.sqrt(x)
print(root(49))
def floor_of(x):
    from math import floor
    return floor(x)
print(floor_of(-1.5))
import math
print(math.sqrt(2) == root(2))

# starmap calls a function with each tuple unpacked.
from itertools import starmap
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(lambda a, b, c: a + b * c, [(1, 2, 3), (0, 0, 0)])))

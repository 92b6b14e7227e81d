# math.prod multiplies an iterable, with an optional start.
import math
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 11)))
print(math.prod([2.5, 4]), math.prod([2, 3], start=10), math.prod(x for x in [7]))

# functools.reduce folds an iterable from the left.
from functools import reduce
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6)))
print(reduce(lambda acc, c: c + acc, "abc", ""), reduce(max, [3, 9, 2]), reduce(operator.add, [], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print(e)

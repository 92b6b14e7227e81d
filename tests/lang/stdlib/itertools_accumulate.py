# accumulate yields running totals, or running results of a function.
from itertools import accumulate
import operator
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], operator.mul)), list(accumulate([1, 2], initial=100)))
print(list(accumulate([])), list(accumulate(["a", "b", "c"])))

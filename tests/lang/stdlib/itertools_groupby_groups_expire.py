# A groupby group is only valid until the groupby moves on, as in CPython.
from itertools import groupby
g = groupby("aaabbbcc")
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, next(g2), list(g2))
print([(k, len(list(v))) for k, v in groupby([1, 1, 2, 3, 3, 3, 1])])
print([(k, list(v)) for k, v in groupby(["apple", "avocado", "banana", "cherry"], key=lambda w: w[0])])

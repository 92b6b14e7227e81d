# tee splits one iterator into independent ones; pairwise yields overlapping pairs.
from itertools import tee, pairwise
a, b = tee(iter(range(5)))
print(next(a), next(a), list(b), list(a))
print([list(t) for t in tee("xyz", 3)], tee([1], 0))
print(list(pairwise("abcd")), list(pairwise([1])), list(pairwise([])))

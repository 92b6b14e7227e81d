# Set comprehensions and frozensets.
print(sorted({x % 5 for x in range(20)}))
f = frozenset([1, 2, 2, 3])
print(sorted(f), len(f), {f: "key"}[frozenset([3, 2, 1])])
print(sorted(set([4, 4, 1]) | f))

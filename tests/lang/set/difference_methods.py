# difference() with one or several iterables.
a = set(range(10))
print(a.difference({1, 2}), a.difference([3], (4, 5), range(8, 20)))
print(a.difference(), a.difference({0: 1, 9: 1}))
print(frozenset([1, 2]).difference([1]), a)

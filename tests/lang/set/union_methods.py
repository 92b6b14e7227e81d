# union() takes any number of iterables of any kind.
a = {1, 2}
print(a.union())
print(a.union([3, 4], (5,), range(6, 8)))
print(a.union({9: 0}, "x" == "y" and [] or [10]))
print(frozenset([1]).union([2]), a)

# The set iterator supports next() and ends with StopIteration.
it = iter({7, 8})
print(next(it), next(it), next(it, "done"))
it = iter(frozenset([1]))
print(list(it), list(it))

# next on an exhausted iterator without a default raises StopIteration.
it = iter([1])
print(next(it))
next(it)

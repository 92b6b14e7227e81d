# filter returns a lazy iterator; None means truthiness.
f = filter(lambda x: x % 2, range(10))
print(type(f).__name__, next(f), next(f), list(f))
print(list(filter(None, [0, 1, "", "a", [], [0], None])))

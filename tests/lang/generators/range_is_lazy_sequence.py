# range is a lazy sequence with its own iterator type.
r = range(0, 20, 3)
print(type(r).__name__, len(r), r[2], r[-1], 9 in r, 10 in r)
it = iter(r)
print(type(it).__name__, next(it), next(it), list(it))
print(list(range(5, 0, -2)), r.index(9), range(3) == range(0, 3))
big = range(10 ** 12)
print(len(big), big[-1], 10 ** 11 in big)

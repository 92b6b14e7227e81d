# min and max over arguments and iterables.
print(min(3, 1, 2), max(3, 1, 2))
print(min([4, 2, 8]), max([4, 2, 8]))
print(min("hello"), max("hello"))
print(min((1, 2), (1, 1)), max([[1], [0, 5]]))
print(max(1, 2.5, 2), min(-1, -1.0), max(-1.0, -1))
print(max(range(10)), min(range(5, 10)))
print(max([3, 3.0]), max([3.0, 3]))

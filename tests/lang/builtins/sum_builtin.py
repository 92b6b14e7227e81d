# sum with ints, floats, big ints and a start value.
print(sum([1, 2, 3]), sum([]), sum([0.1] * 10), sum(range(101)))
print(sum([1, 2], 100), sum([[1], [2, 3]], []), sum([2 ** 64, 2 ** 64]))
print(sum([True, False, True]), sum([1, 2.5]), sum((1, 2, 3), start=10))

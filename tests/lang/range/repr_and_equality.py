# repr and equality of ranges.
print(range(5))
print(range(1, 5))
print(range(1, 5, 2))
print(range(0, -5, -1))
print(repr(range(3)))
print(range(0) == range(5, 5), range(0, 3) == range(3), range(1, 6, 2) == range(1, 7, 2))
print(type(range(1)))

# A range step of zero.
print(list(range(0, 5, 1)))
print(range(0, 5, 0))

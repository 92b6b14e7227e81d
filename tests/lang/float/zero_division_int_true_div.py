# True division of an int by zero.
print(1 / 1)
print(1 / 0)

# True division by zero.
print(1 / 0)

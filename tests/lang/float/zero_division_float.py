# Float division by zero.
print(1.0 / 1)
print(1.0 / 0)

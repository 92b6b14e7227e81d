# Dividing huge ints whose quotient is too large for a float.
print(10 ** 300 / 10)
print(10 ** 400 / 1)

# A float power that overflows raises OverflowError.
print(2.0 ** 1000)
print(2.0 ** 10000)

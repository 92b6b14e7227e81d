# Converting between floats and ints exactly.
print(int(0.1 * 3 * 10))
print(float(2 ** 53), float(2 ** 53 + 1))
print(int(1e16) + 1)
print(int(-1e-10))
print(int(123456.789e3))
print(float(-(2 ** 63)))

# Where repr switches between fixed and exponent notation.
for x in [1e15, 1e16, 1e17, 123456789012345.6, 1234567890123456.7, 12345678901234567.0]:
    print(x)
for x in [1e-3, 1e-4, 1e-5, 0.0001234, 0.00001234, 1.5e-7]:
    print(x)
print(1e22, 1e23, 2e100)
print(9007199254740993.0)
print(float(2 ** 60))

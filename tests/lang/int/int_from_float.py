# int() of floats truncates toward zero.
print(int(3.7), int(-3.7), int(3.0), int(-0.5), int(0.9999))
print(int(1e20))
print(int(1.5e300) % 1000)
print(int(2.0 ** 100))
print(int(-2.5e10))
print(int(True), int(False))
print(int(12), int(-12))
print(int())

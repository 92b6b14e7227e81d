# type() and truthiness of ints.
print(type(5))
print(type(2 ** 100))
print(type(True))
print(bool(0), bool(1), bool(-1), bool(2 ** 100))
print(isinstance(5, int), isinstance(True, int), isinstance(5.0, int))

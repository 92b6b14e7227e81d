# int, float and str constructors on mixed inputs.
print(int("7"), int(7.9), int(-7.9), int(True), int("0b101", 0), int("z", 36))
print(float("7"), float(7), float("1e3"), float(" -2.5 "), float(False))
print(str(7), str(7.0), str(None), str([1]), str("x"), str(-0.0))
print(int(str(2 ** 100)) == 2 ** 100, float(str(0.1)) == 0.1)

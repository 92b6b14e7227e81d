# Truthiness, type and int conversion of floats.
print(bool(0.0), bool(-0.0), bool(0.1), bool(float("nan")))
print(type(1.5), type(1e10), type(float(3)))
print(isinstance(1.0, float), isinstance(1, float))
print(float(int(7.9)))

# float() of an int too large for a double.
print(float(10 ** 308))
print(float(10 ** 400))

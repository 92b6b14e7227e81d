# abs of ints, floats and bools.
print(abs(-5), abs(5), abs(0), abs(-2.5), abs(2 ** 70 * -1), abs(-0.0), abs(True), abs(False))
print(abs(float("-inf")))

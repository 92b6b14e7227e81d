# Accessing a function that the math module does not have.
import math
print(math.sqrt(1))
math.nosuchfunction(1)

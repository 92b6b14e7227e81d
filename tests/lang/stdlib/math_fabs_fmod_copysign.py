# fabs, fmod and copysign.
import math
print(math.fabs(-3), math.fabs(2.5), type(math.fabs(-3)).__name__)
print(math.fmod(7, 3), math.fmod(-7, 3), -7 % 3, math.fmod(7.5, 2))
print(math.copysign(3, -0.0), math.copysign(-2, 1), math.copysign(0.0, -1))

# sin, cos, tan and their inverses, rounded to hide the last bits.
import math
r = lambda x: round(x, 12)
print(math.sin(0), math.cos(0), math.tan(0))
print(r(math.sin(math.pi / 2)), r(math.cos(math.pi)), r(math.tan(math.pi / 4)))
print(r(math.sin(math.pi / 6)), r(math.cos(math.pi / 3)), r(math.sin(1)))
print(r(math.asin(1)), r(math.acos(0)), r(math.atan(1)), math.asin(0), math.acos(1))
print(r(math.atan2(1, 1)), r(math.atan2(-1, -1)), math.atan2(0, 1), r(math.atan2(1, 0)))

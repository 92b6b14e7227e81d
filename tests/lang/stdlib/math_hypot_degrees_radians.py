# math.hypot, math.degrees and math.radians.
import math
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(1, 2, 2), math.hypot(), math.hypot(-8))
print(math.degrees(math.pi), math.degrees(math.pi / 2), math.radians(180) == math.pi)
print(round(math.radians(45), 12), math.degrees(0), round(math.degrees(1), 10))

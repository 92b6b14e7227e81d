# The math module constants.
import math
print(math.pi, math.e, math.tau)
print(math.inf, -math.inf, math.nan)
print(math.tau == 2 * math.pi, type(math.inf).__name__, math.inf == float("inf"))

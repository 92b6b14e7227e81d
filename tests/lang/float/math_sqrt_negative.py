# math.sqrt of a negative number raises ValueError.
import math
print(math.sqrt(4))
print(math.sqrt(-1))

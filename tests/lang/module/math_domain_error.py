# math.log of zero raises ValueError.
import math
print(math.log(1))
print(math.log(0))

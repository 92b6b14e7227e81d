# Invalid arguments raise ValueError with "math domain error".
import math
for f in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-2),
          lambda: math.acos(2), lambda: math.asin(-1.5)]:
    try:
        f()
    except ValueError as e:
        print(e)
try:
    math.comb(-1, 2)
except ValueError as e:
    print(e)
try:
    math.exp(1000)
except OverflowError as e:
    print(e)

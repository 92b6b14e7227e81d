# ArithmeticError covers ZeroDivisionError and OverflowError.
import math
for f in [lambda: 1 / 0, lambda: 5 % 0, lambda: float(10 ** 400), lambda: math.exp(1000)]:
    try:
        f()
    except ArithmeticError as e:
        print(type(e).__name__, e)

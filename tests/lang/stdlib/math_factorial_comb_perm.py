# factorial, comb and perm, including big results.
import math
print(math.factorial(0), math.factorial(5), math.factorial(25))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(60, 30))
print(math.perm(5, 2), math.perm(5), math.perm(4, 0), math.perm(3, 4))
try:
    math.factorial(-1)
except ValueError as e:
    print(e)

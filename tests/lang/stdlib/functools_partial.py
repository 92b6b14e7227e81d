# partial fixes some positional and keyword arguments.
from functools import partial
def power(base, exp, mod=None):
    return pow(base, exp, mod)
square = partial(power, exp=2)
two_to = partial(power, 2)
print(square(7), two_to(10), two_to(10, mod=1000), square(3, exp=3))
print(square.func is power, square.args, square.keywords, two_to.args)
int_base2 = partial(int, base=2)
print(int_base2("1010"), list(map(partial(max, 0), [-2, 5, -1])))

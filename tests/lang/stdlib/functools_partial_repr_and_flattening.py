# partial objects merge nested partials and show func, args and keywords in their repr.
from functools import partial
def power(base, exp, *, mod=None):
    return pow(base, exp, mod)
square = partial(power, exp=2)
print(square(5), square(5, mod=7), square.args, square.keywords)
p = partial(partial(max, 1), 5, key=abs)
print(p(-9), p.func is max, p.args, p.keywords, partial(max, 3, key=abs))
print(list(map(partial(pow, 2), range(6))))
try:
    partial(1)
except TypeError as e:
    print(e)

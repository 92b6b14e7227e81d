# namedtuple defaults, keyword arguments, and the errors of a generated __new__.
from collections import namedtuple
P = namedtuple("P", "x y z", defaults=[3])
print(P(1, 2), P(1, 2, 4), P(x=1, y=2), P._field_defaults, P.__doc__, P._make([4, 5, 6]))
for bad in [lambda: P(), lambda: P(1), lambda: P(1, 2, 3, 4), lambda: P(1, x=2), lambda: P(1, 2, w=1),
            lambda: P._make([1]), lambda: P(1, 2)._replace(w=1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for spec in ["1a", "x x", "_x", "def"]:
    try:
        namedtuple("A", spec)
    except ValueError as e:
        print(e)
print(namedtuple("R", "def x _1 x", rename=True)._fields)

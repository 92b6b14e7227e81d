# namedtuple creates tuple subclasses with named fields.
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], len(p), p == (1, 2), isinstance(p, tuple))
x, y = p
print(x + y, Point._fields, type(p).__name__)
Color = namedtuple("Color", "r g b")
print(Color(255, 0, 10), Color._make([1, 2, 3]))
try:
    p.x = 5
except AttributeError as e:
    print("immutable:", e)

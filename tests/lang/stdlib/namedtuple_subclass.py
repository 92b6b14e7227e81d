# A class can extend a namedtuple with methods and its own repr.
from collections import namedtuple
class Vec(namedtuple("Vec", "x y")):
    def norm1(self):
        return abs(self.x) + abs(self.y)
    def __repr__(self):
        return f"<{self.x}, {self.y}>"
v = Vec(3, -4)
print(v, v.norm1(), Vec._make([1, 2]), v._replace(x=0), v._asdict(), v == (3, -4), sorted([Vec(2, 1), Vec(1, 5)]))

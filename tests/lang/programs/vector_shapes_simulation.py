# OOP simulation: vectors with operator overloading and a shape hierarchy.
import math

class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x=0.0, y=0.0):
        self.x = x
        self.y = y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return math.hypot(self.x, self.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def dot(self, o):
        return self.x * o.x + self.y * o.y
    def __repr__(self):
        return f"Vec({self.x:g}, {self.y:g})"

class Shape:
    count = 0
    def __init__(self, name, pos):
        self.name = name
        self.pos = pos
        Shape.count += 1
    def area(self):
        raise NotImplementedError(type(self).__name__ + ".area")
    def move(self, delta):
        self.pos = self.pos + delta
        return self
    def __lt__(self, other):
        return self.area() < other.area()
    def __str__(self):
        return f"{type(self).__name__}({self.name}) at {self.pos} area={self.area():.2f}"

class Circle(Shape):
    def __init__(self, name, pos, r):
        super().__init__(name, pos)
        self.r = r
    def area(self):
        return math.pi * self.r ** 2

class Rect(Shape):
    def __init__(self, name, pos, w, h):
        super().__init__(name, pos)
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, name, pos, side):
        super().__init__(name, pos, side, side)

shapes = [Circle("c1", Vec(0, 0), 1.5), Rect("r1", Vec(2, 3), 2, 5), Square("s1", Vec(-1, -1), 3)]
for s in sorted(shapes):
    print(s)
velocity = Vec(0.5, -1)
for step in range(3):
    for s in shapes:
        s.move(velocity * (step + 1))
print([s.pos for s in shapes])
print(abs(Vec(3, 4)), Vec(1, 2).dot(Vec(3, 4)), 2 * Vec(1, 1) == Vec(2, 2), -Vec(1, -2))
print(len({Vec(1, 1), Vec(1, 1), Vec(2, 2)}), Shape.count, [c.__name__ for c in Square.__mro__])
try:
    Shape("abstract", Vec()).area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(f"total area {sum(s.area() for s in shapes):.3f}")

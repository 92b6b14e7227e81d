# Bound methods accept * and ** unpacking like functions.
class Point:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def move(self, dx=0, dy=0):
        return Point(self.x + dx, self.y + dy)
p = Point(*[1, 2])
q = p.move(**{"dy": 5})
r = Point(**{"y": 1}).move(*(3,))
print(p.x, p.y, q.x, q.y, r.x, r.y)

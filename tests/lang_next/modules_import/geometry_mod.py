# Helper: a module defining classes and a module-level constant.
"""Geometry helpers for tests."""
import math
UNIT = 1.0
class Circle:
    def __init__(self, r):
        self.r = r
    def area(self):
        return round(math.pi * self.r ** 2, 4)
class Square:
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
def total_area(shapes):
    return sum(s.area() for s in shapes)

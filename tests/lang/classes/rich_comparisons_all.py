# All six rich comparison dunders.
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o): return self.parts == o.parts
    def __ne__(self, o): return self.parts != o.parts
    def __lt__(self, o): return self.parts < o.parts
    def __le__(self, o): return self.parts <= o.parts
    def __gt__(self, o): return self.parts > o.parts
    def __ge__(self, o): return self.parts >= o.parts
a, b = Version(1, 2), Version(1, 10)
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(a == Version(1, 2), a <= Version(1, 2), a < Version(1, 2))
print(Version(1, 2) < Version(1, 10) < Version(2, 0))

# A classmethod receives the class, so subclasses construct themselves.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def parse(cls, s):
        y, m, d = s.split("-")
        return cls(int(y), int(m), int(d))
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class Birthday(Date):
    pass
print(Date.parse("2024-03-05"))
print(Birthday.parse("1999-12-31"))
print(Date(1, 2, 3).parse("2000-1-1"))

# When __add__ returns NotImplemented, the right operand's __radd__ runs.
class Meters:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        if isinstance(o, Meters):
            return Meters(self.v + o.v)
        print("Meters.__add__ gives up")
        return NotImplemented
class Feet:
    def __init__(self, v):
        self.v = v
    def __radd__(self, o):
        print("Feet.__radd__ converts")
        return Meters(o.v + self.v * 0.25)
print((Meters(1) + Meters(2)).v)
print((Meters(1) + Feet(4)).v)

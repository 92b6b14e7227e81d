# __neg__, __pos__, __abs__ and __invert__.
class Z:
    def __init__(self, v):
        self.v = v
    def __neg__(self): return Z(-self.v)
    def __pos__(self): return Z(self.v + 1000)
    def __abs__(self): return Z(abs(self.v))
    def __invert__(self): return Z(~self.v)
    def __repr__(self): return f"Z({self.v})"
z = Z(-5)
print(-z, +z, abs(z), ~z, -(-z))

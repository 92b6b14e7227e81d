# __lshift__, __rshift__, __and__, __or__ and __xor__.
class Bits:
    def __init__(self, v):
        self.v = v
    def __lshift__(self, n): return Bits(self.v << n)
    def __rshift__(self, n): return Bits(self.v >> n)
    def __and__(self, o): return Bits(self.v & o.v)
    def __or__(self, o): return Bits(self.v | o.v)
    def __xor__(self, o): return Bits(self.v ^ o.v)
    def __repr__(self): return "Bits(" + bin(self.v) + ")"
a, b = Bits(0b1100), Bits(0b1010)
print(a << 2, a >> 1)
print(a & b, a | b, a ^ b)

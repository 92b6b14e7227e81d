# __int__ and __float__ are used by int() and float().
class Fraction:
    def __init__(self, n, d):
        self.n, self.d = n, d
    def __int__(self):
        return self.n // self.d
    def __float__(self):
        return self.n / self.d
f = Fraction(7, 2)
print(int(f), float(f), round(float(f)))

# staticmethod, classmethod and property.
class Temp:
    scale = "C"
    def __init__(self, c):
        self._c = c
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def ident(x):
        return x
    @classmethod
    def unit(cls):
        return cls.scale
t = Temp(100)
print(t.f, Temp.ident(5), Temp.unit(), t.unit())

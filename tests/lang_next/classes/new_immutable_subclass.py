# Subclassing an immutable builtin needs __new__ to set the value.
class Celsius(float):
    def __new__(cls, v):
        return super().__new__(cls, round(v, 1))
    def fahrenheit(self):
        return self * 9 / 5 + 32
c = Celsius(21.456)
print(c, c.fahrenheit(), isinstance(c, float), type(c).__name__)
class Even(int):
    def __new__(cls, n):
        return super().__new__(cls, n - n % 2)
print(Even(7), Even(10) + 1, type(Even(3)).__name__)

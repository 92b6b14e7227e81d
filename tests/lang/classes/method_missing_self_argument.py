# A method called with wrong argument counts reports its qualified name.
class Calc:
    def add(self, a, b):
        return a + b
c = Calc()
try:
    c.add(1)
except TypeError as e:
    print(e)
try:
    c.add(1, 2, 3)
except TypeError as e:
    print(e)
try:
    Calc.add(1, 2)
except TypeError as e:
    print(e)

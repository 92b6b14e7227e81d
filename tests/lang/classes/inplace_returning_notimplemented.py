# If __iadd__ returns NotImplemented, Python tries __add__ then __radd__.
class A:
    def __iadd__(self, o):
        print("A.__iadd__")
        return NotImplemented
    def __add__(self, o):
        print("A.__add__")
        return NotImplemented
class B:
    def __radd__(self, o):
        print("B.__radd__")
        return "from B"
a = A()
a += B()
print(a)

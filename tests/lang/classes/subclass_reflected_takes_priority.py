# A subclass's reflected method is tried before the base's forward method.
class Base:
    def __add__(self, o):
        return "Base.__add__"
    def __radd__(self, o):
        return "Base.__radd__"
class Sub(Base):
    def __radd__(self, o):
        return "Sub.__radd__"
print(Base() + Base())
print(Base() + Sub())
print(Sub() + Base())

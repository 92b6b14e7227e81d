# type(name, bases, dict) creates a class dynamically.
class Base:
    def hello(self):
        return "hello from " + type(self).__name__
def area(self):
    return self.w * self.h
Rect = type("Rect", (Base,), {"w": 2, "h": 5, "area": area})
r = Rect()
print(r.area(), r.hello(), Rect.__name__, [c.__name__ for c in Rect.__mro__])

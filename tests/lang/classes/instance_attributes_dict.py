# Instance attributes live in the instance __dict__.
class Box:
    def __init__(self, w, h):
        self.w = w
        self.h = h
b = Box(2, 3)
print(b.__dict__)
b.color = "red"
print(vars(b))
del b.w
print(b.__dict__, hasattr(b, "w"))

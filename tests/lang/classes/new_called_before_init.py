# __new__ creates the instance and runs before __init__.
class Traced:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, a, b):
        print("init", a, b)
        self.a = a
t = Traced(1, 2)
print(t.created, t.a, type(t).__name__)

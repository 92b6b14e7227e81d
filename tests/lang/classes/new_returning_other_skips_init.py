# If __new__ returns an object that is not an instance, __init__ is skipped.
class Weird:
    def __new__(cls, x):
        if x < 0:
            return "negative"
        return super().__new__(cls)
    def __init__(self, x):
        print("init", x)
        self.x = x
print(Weird(3).x)
print(Weird(-1))

# with calls __enter__ and __exit__, also on exceptions.
class Tracker:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is ZeroDivisionError
with Tracker("a") as t:
    print("inside", t.name)
with Tracker("b"):
    1 / 0
print("suppressed")
with Tracker("c"), Tracker("d"):
    print("two managers")

# Nested context managers exit in reverse order, even on errors.
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else "-")
        return self.name == "outer"
with CM("outer") as a, CM("inner") as b:
    print("body", a, b)
    raise RuntimeError("fail")
print("outer suppressed it")

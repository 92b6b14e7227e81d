# __exit__ returning True suppresses the exception.
class Ignore:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print("suppressed", et.__name__, ev)
            return True
        return False
with Ignore(KeyError, IndexError):
    [][0]
print("continues")
try:
    with Ignore(KeyError):
        1 / 0
except ZeroDivisionError:
    print("not suppressed")

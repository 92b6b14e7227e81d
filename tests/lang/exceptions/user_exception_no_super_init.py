# An exception whose __init__ skips super().__init__ still has args.
class Odd(Exception):
    def __init__(self, a, b):
        self.total = a + b
try:
    raise Odd(1, 2)
except Odd as e:
    print(e.total, e.args, str(e), repr(e))

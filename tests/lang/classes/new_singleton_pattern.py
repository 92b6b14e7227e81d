# __new__ can return a cached instance; __init__ still runs each time.
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            cls._inst.count = 0
        return cls._inst
    def __init__(self):
        self.count += 1
a = Single()
b = Single()
print(a is b, a.count, b.count)

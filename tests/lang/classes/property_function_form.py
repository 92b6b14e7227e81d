# property() called as a function with fget and fset.
class P:
    def __init__(self):
        self._x = 1
    def get_x(self):
        return self._x * 10
    def set_x(self, v):
        self._x = v
    x = property(get_x, set_x)
p = P()
print(p.x)
p.x = 7
print(p.x, p._x)

# Tuple subscripts accept any object whose class defines __index__.
class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class NoIndex:
    pass


t = (10, 20, 30)
print(t[Idx(1)], t[Idx(-1)])
for key in (Idx(3), NoIndex()):
    try:
        print(t[key])
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)

# List subscripts (loads, stores and deletions) accept any object whose class
# defines __index__.
class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class NoIndex:
    pass


xs = [10, 20, 30, 40]
print(xs[Idx(1)], xs[Idx(-1)])
xs[Idx(0)] = 11
del xs[Idx(2)]
print(xs)
for key in (Idx(4), NoIndex()):
    try:
        print(xs[key])
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)

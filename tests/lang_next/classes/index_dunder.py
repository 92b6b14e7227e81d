# __index__ lets an object be used as an integer index.
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
data = ["a", "b", "c", "d"]
i = Idx(2)
print(data[i], data[Idx(-1)], bin(Idx(5)), hex(Idx(255)))
print(list(range(Idx(3))), "xyz"[Idx(1)], data[Idx(1):Idx(3)])

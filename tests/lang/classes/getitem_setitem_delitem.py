# __getitem__, __setitem__ and __delitem__ for a sparse vector.
class Sparse:
    def __init__(self):
        self.data = {}
    def __getitem__(self, i):
        return self.data.get(i, 0)
    def __setitem__(self, i, v):
        print("set", i, v)
        self.data[i] = v
    def __delitem__(self, i):
        print("del", i)
        del self.data[i]
s = Sparse()
s[3] = 7
s[10] = 1
print(s[3], s[4], s[10])
del s[3]
print(s[3], s.data)
s[2] += 5
print(s.data)

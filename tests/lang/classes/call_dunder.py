# __call__ makes instances callable.
class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0
    def __call__(self, x, extra=0):
        self.calls += 1
        return x * self.k + extra
triple = Multiplier(3)
print(triple(4), triple(5, extra=1), triple.calls)
print(list(map(triple, [1, 2, 3])), callable(triple), callable(Multiplier))

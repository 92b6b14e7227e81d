# Methods receive the instance as self and can call other methods.
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self, by=1):
        self.n += by
        return self
    def twice(self):
        self.inc()
        self.inc()
        return self.n
c = Counter()
print(c.inc().inc(5).n)
print(c.twice())

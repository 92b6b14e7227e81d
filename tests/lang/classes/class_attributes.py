# Class attributes are shared until an instance shadows them.
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
a = Counter()
b = Counter()
print(Counter.count, a.id, b.id, a.count)
a.count = 99
print(a.count, b.count, Counter.count)

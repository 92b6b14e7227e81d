# A mutable class attribute is shared by all instances.
class Bag:
    items = []
    def __init__(self):
        self.own = []
    def add(self, x):
        self.items.append(x)
        self.own.append(x)
a = Bag()
b = Bag()
a.add(1)
b.add(2)
print(a.items, b.items, Bag.items)
print(a.own, b.own)

# A method of a class can be a generator.
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def values(self):
        yield self.value
        for c in self.children:
            yield from c.values()
t = Tree(1, Tree(2, Tree(4)), Tree(3))
print(list(t.values()), sum(t.values()))

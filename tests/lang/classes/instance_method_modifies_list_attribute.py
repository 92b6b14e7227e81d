# Methods mutate list and dict attributes of their instance.
class Graph:
    def __init__(self):
        self.edges = {}
    def add(self, a, b):
        self.edges.setdefault(a, []).append(b)
        self.edges.setdefault(b, []).append(a)
    def neighbours(self, n):
        return sorted(self.edges.get(n, []))
g = Graph()
g.add(1, 2)
g.add(1, 3)
g.add(2, 3)
print(g.neighbours(1), g.neighbours(3), g.neighbours(9), g.edges)

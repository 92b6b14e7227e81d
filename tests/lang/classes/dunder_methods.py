# __repr__, __str__, __eq__, __lt__, __add__, __len__ and __getitem__.
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __repr__(self):
        return "Vec(" + ", ".join(repr(x) for x in self.xs) + ")"
    def __str__(self):
        return "<" + " ".join(str(x) for x in self.xs) + ">"
    def __eq__(self, other):
        return self.xs == other.xs
    def __lt__(self, other):
        return sum(self.xs) < sum(other.xs)
    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
v = Vec(1, 2)
w = Vec(3, 4)
print(v, repr(v), [v, w])
print(v + w, v == Vec(1, 2), v < w, len(v), v[1])
print(sorted([w, v]))

# Defining both __eq__ and __hash__ lets equal instances act as one key.
class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, o):
        return (self.a, self.b) == (o.a, o.b)
    def __hash__(self):
        return hash((self.a, self.b))
d = {Key(1, 2): "first"}
d[Key(1, 2)] = "second"
print(len(d), d[Key(1, 2)])
s = {Key(0, 0), Key(0, 0), Key(1, 1)}
print(len(s), Key(1, 1) in s, Key(2, 2) in s)

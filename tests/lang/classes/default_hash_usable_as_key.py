# Plain instances are hashable by identity.
class Token:
    def __init__(self, name):
        self.name = name
a, b = Token("a"), Token("b")
d = {a: 1, b: 2}
print(d[a], d[b], len({a, a, b}), Token("a") in d)

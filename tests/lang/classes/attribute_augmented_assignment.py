# Augmented assignment on attributes reads then writes the attribute.
class Obj:
    def __init__(self):
        self.n = 1
        self.items = [1]
        self.d = {"k": 1}
o = Obj()
o.n += 4
o.n *= 3
o.items += [2]
o.d["k"] -= 10
print(o.n, o.items, o.d)

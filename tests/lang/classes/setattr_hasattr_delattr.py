# setattr, hasattr and delattr with computed names.
class Bag:
    pass
b = Bag()
for i, name in enumerate(["red", "green", "blue"]):
    setattr(b, name, i)
print(b.red, b.green, b.blue)
print(hasattr(b, "green"), hasattr(b, "pink"))
delattr(b, "green")
print(hasattr(b, "green"), sorted(vars(b)))
setattr(Bag, "shared", 99)
print(b.shared)

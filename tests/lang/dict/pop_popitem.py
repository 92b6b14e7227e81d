# pop and popitem.
d = {"a": 1, "b": 2, "c": 3}
print(d.pop("b"), d)
print(d.pop("zz", "default"))
print(d.popitem(), d)
d["n"] = 4
print(d.popitem(), d.popitem(), d)

# dict views reflect later changes to the dict.
d = {"a": 1, "b": 2}
k, v, it = d.keys(), d.values(), d.items()
print(type(k).__name__, type(v).__name__, type(it).__name__)
d["c"] = 3
del d["a"]
print(list(k), list(v), list(it), len(k), "c" in k, ("b", 2) in it)
ki = iter(k)
print(type(ki).__name__, next(ki))

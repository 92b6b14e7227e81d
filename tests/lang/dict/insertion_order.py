# Dicts keep insertion order; reassigning a key keeps its position.
d = {}
d["z"] = 1
d["a"] = 2
d["m"] = 3
print(d)
d["z"] = 10
print(d)
print(list(d))
d2 = {3: "c", 1: "a", 2: "b"}
print(d2, list(d2.keys()))

# in, not in and del.
d = {"a": 1, "b": 2, 3: "c"}
print("a" in d, "z" in d, 3 in d, 1 in d, "b" not in d)
del d["a"]
print(d)
del d[3]
print(d, "a" in d)

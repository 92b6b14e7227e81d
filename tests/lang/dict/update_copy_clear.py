# update, copy and clear.
d = {"a": 1}
d.update({"b": 2, "a": 10})
print(d)
d.update([("c", 3), ("d", 4)])
print(d)
d.update(e=5)
print(d)
c = d.copy()
c["a"] = 0
print(d["a"], c["a"])
inner = {"lst": [1]}
shallow = inner.copy()
shallow["lst"].append(2)
print(inner)
d.clear()
print(d, len(d))

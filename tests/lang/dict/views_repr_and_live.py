# View objects print their contents and reflect later changes.
d = {"a": 1}
ks = d.keys()
vs = d.values()
its = d.items()
print(ks, vs, its)
d["b"] = 2
print(ks, vs, its)
del d["a"]
print(list(ks), list(vs), list(its))

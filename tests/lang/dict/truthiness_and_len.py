# Empty dicts are false.
print(bool({}), bool({0: 0}))
d = {}
print(len(d))
d["x"] = None
print(len(d), bool(d))

# Looking up a missing string key.
d = {"a": 1}
print(d["a"])
print(d["x"])

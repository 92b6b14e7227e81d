# Looking up a missing key.
d = {"a": 1}
print(d["a"])
print(d["x"])

# pop of a missing key without a default.
d = {"a": 1}
print(d.pop("a"))
d.pop("a")

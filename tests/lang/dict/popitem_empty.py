# popitem on an empty dict.
d = {"a": 1}
print(d.popitem())
d.popitem()

# keys, values and items views iterate in insertion order.
d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print("key", k)
for k in d.keys():
    print("k", k)
for v in d.values():
    print("v", v)
for k, v in d.items():
    print("item", k, v)
print(list(d.keys()), list(d.values()), list(d.items()))
print(len(d.keys()), "two" in d.keys(), 2 in d.values(), ("one", 1) in d.items())

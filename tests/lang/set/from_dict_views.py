# Sets built from dict views and items.
d = {3: "c", 1: "a", 2: "b"}
print(set(d.keys()), set(d.values()) == {"a", "b", "c"})
print(set(d.items()) == {(1, "a"), (2, "b"), (3, "c")})
print(sorted(set(d)))

# index of a value not in the list.
a = ["a", "b"]
print(a.index("b"))
print(a.index("c"))

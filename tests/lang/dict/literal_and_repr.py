# Dict literals and repr with various key and value types.
print({})
print({"a": 1, "b": [1, 2], "c": {"x": None}})
print({1: "one", 2.5: "two and a half", (1, 2): "tuple", None: 0, True: "t"})
print({"it's": 'q"uote'})
print({"k": 1, "k": 2})
print(type({}))
print(len({"a": 1, "b": 2}))

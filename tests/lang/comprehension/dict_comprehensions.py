# Dict comprehensions with nested for and if.
print({x: x ** 3 for x in range(5)})
print({s: len(s) for s in ["one", "three", "five"] if len(s) > 3})
print({(i, j): i + j for i in range(2) for j in range(2)})
print({c: i for i, c in enumerate("hello")})
inv = {"a": 1, "b": 2, "c": 1}
print({v: k for k, v in inv.items()})

# Dict comprehensions with conditions and nested loops.
print({x: x * x for x in range(5)})
print({x: x for x in range(10) if x % 3 == 0})
print({(a, b): a * b for a in range(3) for b in range(2)})
words = ["apple", "bob", "cat"]
print({w: len(w) for w in words})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({c: 0 for c in "abca"})

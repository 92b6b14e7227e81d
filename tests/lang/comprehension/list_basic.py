# List comprehensions with expressions and conditions.
print([x * 2 for x in range(6)])
print([x for x in range(20) if x % 3 == 0])
print([c.upper() for c in "abc"])
print([x if x > 2 else 0 for x in range(5)])
print([len(w) for w in ["a", "bb", "ccc"] if w != "bb"])
print([x for x in []])
print([[x] for x in range(3)])

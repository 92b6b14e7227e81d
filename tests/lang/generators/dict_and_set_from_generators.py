# dict() and set() built from generators.
print(dict((str(i), i * i) for i in range(4)))
print(sorted(set(c.lower() for c in "HeLLo")))
print(dict(zip("abc", (i * 2 for i in range(3)))))

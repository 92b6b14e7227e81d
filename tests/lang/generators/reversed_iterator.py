# reversed returns an iterator over a sequence.
r = reversed([1, 2, 3])
print(type(r).__name__, next(r), list(r), list(r))
print(list(reversed("abc")), list(reversed(range(4))), type(reversed(range(2))).__name__)
print("".join(reversed("stressed")), list(reversed((1, 2))))

# Range equality compares the sequences; equal ranges hash alike (big ones too).
B = 10 ** 20
r = range(B)
print(r == range(0, B), r == range(0, B, 1), r != range(B), r == range(1, B))
print(range(B, 0) == range(0), range(B, B + 1, 5) == range(B, B + 2, 7), range(1, 2, 2 ** 70) == range(1, 2))
print(hash(r) == hash(range(0, B)), hash(range(B, 0)) == hash(range(0)))
print(hash(range(B, B + 1, 5)) == hash(range(B, B + 2, 7)), hash(r), hash(range(0, B, 3)))
print({range(B): 1, range(0, B, 1): 2})

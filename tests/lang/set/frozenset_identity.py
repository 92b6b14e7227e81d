# frozenset() of a frozenset and frozenset.copy() return the same object.
f = frozenset([1, 2])
print(frozenset(f) is f, f.copy() is f)
s = set(f)
print(s.copy() is s, set(s) is s, s == f)

# Equal numbers of different types are one element; the first one is kept.
print({True, 1, 1.0})
print({1.0, 1, True})
print({0, False, 0.0, -0.0})
s = set([2, 2.0])
print(s, len(s), 2.0 in s, 3 in s)

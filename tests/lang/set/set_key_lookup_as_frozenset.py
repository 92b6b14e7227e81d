# A set used as a lookup key is matched against equal frozensets.
s = {frozenset([1, 2]), 3}
print({1, 2} in s, {1} in s)
s.discard({1, 2})
print(s)
s.add(frozenset())
s.remove(set())
print(s)

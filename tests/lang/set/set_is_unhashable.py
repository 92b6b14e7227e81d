# A set cannot be hashed (nor be a dict key).
print(hash(frozenset([1])) == hash(frozenset([1])))
print(hash({1}))

# Sets of small ints print in hash order, which is deterministic.
print({3, 1, 2})
print({10, 5, 0})
print(set(range(5)))
print(set())
print(frozenset({2, 1}))

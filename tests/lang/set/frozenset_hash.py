# frozenset hashes follow CPython's algorithm and ignore order.
print(hash(frozenset()))
print(hash(frozenset([1, 2, 3])), hash(frozenset([3, 2, 1])))
print(hash(frozenset([(1, 2), 3.5, -7])))
print(hash(frozenset([frozenset([1]), 2])))
d = {frozenset([1, 2]): "a"}
print(d[frozenset([2, 1])], frozenset([1]) in {frozenset([1])})

# symmetric_difference() keeps elements in exactly one operand.
a = {1, 2, 3}
print(a.symmetric_difference([3, 4, 4, 5]))
print(a.symmetric_difference({2: 0, 10: 0}))
print(a.symmetric_difference(a), a)
print(frozenset([1]).symmetric_difference({1, 2}))

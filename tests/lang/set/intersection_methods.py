# intersection() with sets, lists, dicts and several arguments.
a = set(range(10))
print(a.intersection({3, 4, 50}))
print(a.intersection([9, 8, 100, 8]))
print(a.intersection({2: 0, 3: 0}, [3, 2, 1]))
print(a.intersection(), a.intersection(range(3), range(1, 5)))
print(frozenset([1, 2]).intersection([2]))

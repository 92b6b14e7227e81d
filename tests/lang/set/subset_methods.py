# issubset/issuperset/isdisjoint accept any iterable.
a = {1, 2}
print(a.issubset([1, 2, 3]), a.issubset(range(2)), a.issubset(a))
print(a.issuperset([1]), a.issuperset((1, 3)), a.issuperset(frozenset()))
print(a.isdisjoint([3, 4]), a.isdisjoint(iter([5, 2])), set().isdisjoint(set()))

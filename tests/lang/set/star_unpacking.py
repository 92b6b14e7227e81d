# Starred items in set displays.
a = [3, 4]
print({*a, *range(2)})
print({*a, 9, *(8, 3)})
print({*set(), *frozenset([1])})

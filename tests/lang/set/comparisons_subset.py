# Comparison operators test subset/superset; set and frozenset compare equal.
a = {1, 2}
b = {1, 2, 3}
print(a < b, a <= b, b > a, b >= a, a > b, b < a)
print(a < a, a <= a, a == frozenset([2, 1]), a != b)
print({1, 4} < b, {1, 4} > b, {1, 4} == b)
print(a == [1, 2], a != (1, 2))

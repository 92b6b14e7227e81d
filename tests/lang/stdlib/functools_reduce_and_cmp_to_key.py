# reduce folds left with an optional initial value; cmp_to_key adapts old-style comparisons.
from functools import reduce, cmp_to_key
print(reduce(lambda a, b: a * b, range(1, 8)), reduce(lambda a, b: a + b, [], 10), reduce(max, [3, 9, 2]))
for args in [(lambda a, b: a, []), (lambda a, b: a, 5)]:
    try:
        reduce(*args)
    except TypeError as e:
        print(e)
def by_length_desc(x, y):
    return len(y) - len(x)
print(sorted(["bb", "a", "ccc", "dd"], key=cmp_to_key(by_length_desc)))

# islice stops without consuming more of a shared iterator than CPython does.
from itertools import islice
src = iter(range(10))
print(list(islice(src, 2, 6, 3)), next(src))
src = iter(range(10))
print(list(islice(src, 3)), next(src))
print(list(islice(range(10), 1, None, 4)), list(islice("abcdef", None)), list(islice([], 5)))
for args in [(-1,), (1, -5), (0, 5, 0), ("a",)]:
    try:
        islice([1, 2], *args)
    except ValueError as e:
        print(e)

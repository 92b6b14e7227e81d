# yield from delegates to any iterable.
def flatten(parts):
    for p in parts:
        yield from p
print(list(flatten([[1, 2], (3,), "ab", range(2), {"k": 1}])))

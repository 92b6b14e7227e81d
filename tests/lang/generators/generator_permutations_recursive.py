# Recursive generator producing permutations.
def perms(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        for rest in perms(items[:i] + items[i + 1:]):
            yield [items[i]] + rest
print(["".join(p) for p in perms("abc")])
print(sum(1 for _ in perms([1, 2, 3, 4])))

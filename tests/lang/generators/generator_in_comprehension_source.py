# A generator used as the source of list, set and dict comprehensions.
def numbers():
    yield from [3, 1, 3, 2]
print([n * 2 for n in numbers()])
print(sorted({n for n in numbers()}))
print({n: n * n for n in numbers()})

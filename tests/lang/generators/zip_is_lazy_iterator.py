# zip stops at the shortest input and is lazy.
z = zip("abc", range(10), [True, False, True, False])
print(type(z).__name__, next(z), list(z))
def count():
    n = 0
    while True:
        yield n
        n += 1
print(list(zip("xy", count())))
print(list(zip()), list(zip([1, 2])))

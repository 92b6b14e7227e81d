# An exhausted generator keeps raising StopIteration.
def two():
    yield 1
    yield 2
g = two()
print(list(g), list(g))
print(next(g, "done"), next(g, "still done"))
for x in g:
    print("never")
print(sum(g))

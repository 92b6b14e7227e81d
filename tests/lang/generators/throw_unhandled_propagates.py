# An exception thrown into a generator that does not handle it propagates.
def simple():
    yield 1
    yield 2
g = simple()
next(g)
try:
    g.throw(KeyError("injected"))
except KeyError as e:
    print("propagated", e)
print(next(g, "generator finished"))

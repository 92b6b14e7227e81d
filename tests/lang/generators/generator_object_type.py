# Calling a generator function returns a generator, which is its own iterator.
def gen():
    yield 1
g = gen()
print(type(g).__name__, iter(g) is g, gen.__name__, g.__name__)
print(hasattr(g, "__next__"), hasattr(g, "send"), hasattr(g, "throw"), hasattr(g, "close"))

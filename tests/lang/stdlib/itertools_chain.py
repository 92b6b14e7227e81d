# chain and chain.from_iterable concatenate iterables lazily.
from itertools import chain
print(list(chain([1, 2], (3,), "ab", range(2))), list(chain()))
print(list(chain.from_iterable([[1], [2, 3], []])), list(chain.from_iterable(["xy", "z"])))
c = chain([1], [2])
print(type(c).__name__, next(c), list(c))

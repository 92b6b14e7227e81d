# product is the cartesian product, with an optional repeat.
from itertools import product
print(list(product("ab", [1, 2])))
print(["".join(p) for p in product("01", repeat=3)])
print(list(product()), list(product([1], [])), len(list(product(range(3), range(4), range(2)))))

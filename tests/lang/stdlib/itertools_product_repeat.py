# product takes repeat=; permutations and combinations handle r beyond the input size.
from itertools import product, permutations, combinations, combinations_with_replacement
print(list(product("ab", repeat=2)), list(product()), list(product([1, 2], [])))
print(list(permutations("abc", 2)), list(permutations([], 0)), list(permutations([1, 2], 3)))
print(list(combinations(range(4), 0)), list(combinations("ab", 3)), list(combinations_with_replacement("ab", 3)))

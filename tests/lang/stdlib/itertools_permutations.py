# permutations of all items or of r items, in lexicographic position order.
from itertools import permutations
print(list(permutations([1, 2, 3])))
print(["".join(p) for p in permutations("abcd", 2)])
print(len(list(permutations(range(5)))), list(permutations([], 0)), list(permutations([1], 2)))

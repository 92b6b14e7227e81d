# combinations choose r items in order without repetition.
from itertools import combinations
print(list(combinations("abcd", 2)))
print(list(combinations(range(5), 3)))
print(list(combinations([1, 2], 0)), list(combinations([1, 2], 3)), len(list(combinations(range(10), 4))))

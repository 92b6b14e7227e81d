# combinations_with_replacement allows repeated elements.
from itertools import combinations_with_replacement as cwr
print(list(cwr("abc", 2)))
print(list(cwr([1, 2], 3)), len(list(cwr(range(4), 3))))

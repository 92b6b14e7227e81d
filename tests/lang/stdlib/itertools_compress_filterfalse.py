# compress selects by a mask; filterfalse keeps items the predicate rejects.
from itertools import compress, filterfalse, dropwhile, takewhile
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress(range(10), [1, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a"])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))

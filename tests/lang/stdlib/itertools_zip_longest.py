# zip_longest pads the shorter inputs with a fill value.
from itertools import zip_longest
print(list(zip_longest("abc", [1])))
print(list(zip_longest([1, 2], [3], [4, 5, 6], fillvalue=0)))
print(list(zip_longest()), list(zip_longest([], [])))

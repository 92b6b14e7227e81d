# count is infinite; islice takes a finite window of it.
from itertools import count, islice
print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(1.5, 0.5), 3)))
c = count(3)
print(next(c), next(c), type(c).__name__)
print(list(islice("abcdefg", 2, 6, 2)), list(islice(range(10), 3, None)), list(islice([1, 2], 0)))

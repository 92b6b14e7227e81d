# cycle repeats an iterable forever; repeat repeats one value.
from itertools import cycle, repeat, islice
print(list(islice(cycle("abc"), 7)), list(islice(cycle([]), 3)))
print(list(repeat("x", 3)), list(islice(repeat(0), 4)), list(repeat(1, 0)))
print(list(map(pow, range(4), repeat(2))))

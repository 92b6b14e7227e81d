# itertools functions compose lazily over infinite iterators.
from itertools import count, takewhile, islice, accumulate, cycle
squares = (n * n for n in count(1))
print(list(takewhile(lambda s: s < 50, squares)))
print(list(islice(accumulate(count(1)), 6)))
print(list(islice(zip(cycle("ab"), count()), 5)))

# count and repeat objects show their current state in their repr.
from itertools import count, repeat
c = count(5)
next(c)
print(repr(c), repr(count(0, 2)), repr(count(1.5)), repr(count(2, 1.0)))
r = repeat("x", 3)
next(r)
print(repr(r), repr(repeat(7)), list(r), repr(r))
print(list(zip(count(10, -3), "abc")))

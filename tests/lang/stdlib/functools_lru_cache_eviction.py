# A bounded lru_cache evicts the least recently used entry; cache_info counts hits and misses.
from functools import lru_cache
calls = []
@lru_cache(maxsize=3)
def square(x):
    calls.append(x)
    return x * x
for v in [1, 2, 3, 1, 4, 2, 5, 1, 1, 3]:
    square(v)
print(calls, square.cache_info())
@lru_cache(maxsize=2, typed=True)
def kind(x):
    return type(x).__name__
print(kind(1), kind(1.0), kind(True), kind.cache_info())
@lru_cache(maxsize=0)
def plain(x):
    return x
print(plain(1), plain(1), plain.cache_info(), square.cache_parameters())

# functools.cache is an unbounded lru_cache.
from functools import cache
calls = []
@cache
def slow_add(a, b):
    calls.append((a, b))
    return a + b
print(slow_add(1, 2), slow_add(1, 2), slow_add(2, 1), calls)
print(slow_add.cache_info())

# lru_cache can be applied without parentheses.
from functools import lru_cache
@lru_cache
def count_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return count_paths(r - 1, c) + count_paths(r, c - 1)
print(count_paths(10, 10), count_paths.cache_info().currsize)

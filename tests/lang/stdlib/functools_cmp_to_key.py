# cmp_to_key turns an old-style comparison function into a sort key.
from functools import cmp_to_key
def by_length_then_reverse(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)
words = ["pear", "fig", "apple", "kiwi", "date"]
print(sorted(words, key=cmp_to_key(by_length_then_reverse)))
def numeric_desc(a, b):
    return b - a
print(sorted([3, 10, 1], key=cmp_to_key(numeric_desc)), max([3, 10, 1], key=cmp_to_key(numeric_desc)))

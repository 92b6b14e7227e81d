# groupby groups consecutive items with equal keys.
from itertools import groupby
print([(k, list(g)) for k, g in groupby("aaabbcaa")])
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
print([(k, len(list(g))) for k, g in groupby(words, key=lambda w: w[0])])
nums = [1, 3, 5, 2, 4, 7]
print([(k, list(g)) for k, g in groupby(nums, key=lambda n: n % 2 == 0)])
print([k for k, _ in groupby(sorted("mississippi"))])

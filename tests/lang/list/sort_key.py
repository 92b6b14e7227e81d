# sort with a key function.
words = ["banana", "Pie", "apple", "fig", "Cherry"]
print(sorted(words, key=len))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=lambda w: w[-1]))
nums = [-5, 3, -1, 4, -2]
nums.sort(key=abs)
print(nums)
nums.sort(key=abs, reverse=True)
print(nums)
pairs = [(1, "b"), (2, "a"), (0, "c")]
print(sorted(pairs, key=lambda p: p[1]))

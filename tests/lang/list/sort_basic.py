# sort in place and sorted() with reverse.
a = [5, 2, 9, 1, 5, 6]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True))
words = ["pear", "apple", "fig", "banana"]
print(sorted(words))
print(sorted([2.5, -1, 0, 3, True]))
print(sorted([]))
print(sorted("hello"))
print(sorted([[2, 1], [1, 2], [1, 1]]))
r = a.sort()
print(r)

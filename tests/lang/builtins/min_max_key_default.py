# min and max with key and default.
words = ["apple", "fig", "banana", "kiwi"]
print(max(words, key=len), min(words, key=len))
print(max([-7, 3, 5], key=abs), min([-7, 3, 5], key=abs))
print(max([], default="empty"), min([], default=None))
print(max([1, 2], default=0))
print(min(words, key=lambda w: w[-1]))
print(max("a", "bb", "c", key=len))
print(max([("a", 2), ("b", 2)], key=lambda p: p[1]))

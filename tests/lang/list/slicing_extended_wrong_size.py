# An extended slice assignment with the wrong number of items.
a = list(range(6))
a[::2] = [1, 2, 3]
print(a)
a[::2] = [1, 2]

# Indexing a list with a string is a TypeError.
a = [10, 20]
print(a[True], a[False])
print(a["0"])

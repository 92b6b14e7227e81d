# Indexing past the end of a list inside a loop.
a = [1, 2, 3]
for i in range(5):
    print(a[i])

# Unpacking the wrong number of values in a for loop.
for a, b in [(1, 2), (3, 4, 5)]:
    print(a, b)

# Indexing and slicing tuples gives tuples.
t = (10, 20, 30, 40, 50)
print(t[0], t[-1], t[1:3], t[::-1], t[::2], t[:0])
print(type(t[1:2]), t[1:2])
print(t[-2:], t[:-2], t[4:1:-2])
nested = ((1, 2), (3, 4))
print(nested[1][0])

# tuple.count and tuple.index.
t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.count(9), t.index(3), t.index(2), t.index(2, 2))
print((1, True, 1.0).count(1))

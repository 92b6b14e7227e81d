# index and count.
a = [1, 2, 3, 2, 1, 2]
print(a.index(2), a.index(2, 2), a.index(1, 1), a.index(3, 0, 3))
print(a.count(2), a.count(5), a.count(1))
print([1, 1.0, True].count(1))
print([[1], [1], 1].count([1]))

# Equal tuples hash equally and work as dict keys.
d = {}
d[(1, 2)] = "a"
d[(1, (2, 3))] = "b"
print(d[(1, 2)], d[1, (2, 3)])
key = (1, 2)
print(key in d, (2, 1) in d)
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2)))
d[(1.0, 2.0)] = "c"
print(d)
print(hash(()) == hash(()))
grid = {}
for r in range(3):
    for c in range(3):
        grid[r, c] = r * c
print(grid[2, 2], len(grid))

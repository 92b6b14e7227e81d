# A comprehension inside a comprehension.
print([[r * c for c in range(4)] for r in range(3)])
print([[y for y in range(x)] for x in range(4)])
grid = [[1, 2], [3, 4], [5, 6]]
print([[row[i] for row in grid] for i in range(2)])
print({k: [v * 2 for v in range(k)] for k in range(3)})

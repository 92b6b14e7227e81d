# Building and walking nested lists.
grid = []
for r in range(3):
    row = []
    for c in range(4):
        row.append(r * 4 + c)
    grid.append(row)
print(grid)
print([row[1] for row in grid])
t = [[grid[r][c] for r in range(3)] for c in range(4)]
print(t)
total = 0
for row in grid:
    for v in row:
        total += v
print(total)

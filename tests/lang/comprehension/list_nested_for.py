# Nested for clauses run left to right.
print([(a, b) for a in range(3) for b in range(2)])
print([a * b for a in range(1, 4) for b in range(a)])
print([c for word in ["ab", "cd"] for c in word])
matrix = [[1, 2, 3], [4, 5, 6]]
print([v for row in matrix for v in row if v % 2 == 0])
print([(x, y, z) for x in range(1, 12) for y in range(x, 12) for z in range(y, 14) if x * x + y * y == z * z])

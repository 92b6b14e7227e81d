# __matmul__ implements the @ operator.
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __matmul__(self, o):
        cols = list(zip(*o.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __repr__(self):
        return f"Matrix({self.rows})"
m = Matrix([[1, 2], [3, 4]])
i = Matrix([[1, 0], [0, 1]])
print(m @ i)
print(m @ m)

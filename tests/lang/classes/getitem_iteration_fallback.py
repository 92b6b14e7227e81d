# A class with only __getitem__ is iterable until IndexError.
class Squares:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i
s = Squares(5)
print(list(s))
for v in s:
    print(v, end=" ")
print()
print(3 * 3 in s, sum(s), sorted(s, reverse=True))

# total_ordering derives the missing comparisons from one of them and __eq__.
from functools import total_ordering
@total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
a, b = Version(1), Version(2)
print(a < b, a > b, a <= b, a >= b, a <= Version(1), b >= a)
print([v.n for v in sorted([Version(3), Version(1), Version(2)])])
try:
    total_ordering(type("Plain", (), {}))
except ValueError as e:
    print(e)

# index()/count() of a non-int compare every item, as CPython's sequence search.
class AlwaysEqual:
    def __eq__(self, other):
        return True
print(range(3).count(1.0), range(3).index(2.0), range(5).count(AlwaysEqual()), range(5).index(AlwaysEqual()))
try:
    range(3).index("a")
except ValueError as e:
    print("ValueError:", e)
try:
    range(3).index(7)
except ValueError as e:
    print("ValueError:", e)

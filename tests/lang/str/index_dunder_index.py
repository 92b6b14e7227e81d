# Regression: a str subscript rejected objects whose class defines __index__
# ('abc'[Idx()] raised TypeError; CPython uses the __index__ value, as tuple
# and list subscripts already did).
class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class NoIndex:
    pass


class BadIndex:
    def __index__(self):
        return "1"


class HugeIndex:
    def __index__(self):
        return 2 ** 70


s = "abc"
print(s[Idx(1)], s[Idx(0)], s[Idx(-1)])
print("héllo wörld"[Idx(7)], "日本語"[Idx(2)])
for key in (Idx(3), NoIndex(), BadIndex(), HugeIndex()):
    try:
        print(s[key])
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)

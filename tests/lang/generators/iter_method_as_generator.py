# __iter__ written as a generator function.
class Deck:
    def __init__(self, cards):
        self.cards = cards
    def __iter__(self):
        for c in self.cards:
            yield c.upper()
d = Deck(["a", "k", "q"])
print(list(d), sorted(d), "K" in d)
it = iter(d)
print(type(it).__name__, next(it))

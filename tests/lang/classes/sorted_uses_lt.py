# sorted, min and max use __lt__ of instances.
class Card:
    order = "23456789TJQKA"
    def __init__(self, rank):
        self.rank = rank
    def __lt__(self, o):
        return self.order.index(self.rank) < self.order.index(o.rank)
    def __repr__(self):
        return self.rank
hand = [Card(r) for r in "KT2AJ"]
print(sorted(hand), min(hand), max(hand), sorted(hand, reverse=True))

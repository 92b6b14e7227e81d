# shuffle permutes a list in place.
import random
random.seed(42)
items = list(range(10))
random.shuffle(items)
print(items)
random.seed(2024)
cards = ["A", "K", "Q", "J", "10"]
random.shuffle(cards)
print(cards, random.shuffle([1]))

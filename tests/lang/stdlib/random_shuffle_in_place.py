# shuffle permutes a list in place with CPython's Fisher-Yates order.
import random
random.seed(11)
items = list(range(15))
print(random.shuffle(items), items)
words = ["alpha", "beta", "gamma", "delta"]
random.shuffle(words)
print(words)

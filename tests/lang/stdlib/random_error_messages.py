# Misuse of random's functions raises CPython's exceptions and messages.
import random
cases = [
    lambda: random.randrange(1.5), lambda: random.randrange(0, 10, 0), lambda: random.randrange(10, 0),
    lambda: random.randrange(0), lambda: random.randrange(10, step=2), lambda: random.randint(5, 1),
    lambda: random.choice([]), lambda: random.sample({1, 2}, 1), lambda: random.sample([1, 2], 3),
    lambda: random.choices([1, 2], [1]), lambda: random.choices([1, 2], [0, 0]),
    lambda: random.choices([1, 2], [1, 2], cum_weights=[1, 2]), lambda: random.seed([1]),
    lambda: random.getrandbits(-1), lambda: random.getrandbits(1.5), lambda: random.gammavariate(-1, 1),
    lambda: random.setstate((9, (), None)),
]
for case in cases:
    try:
        case()
    except Exception as e:
        print(type(e).__name__, e)

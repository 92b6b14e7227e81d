# Error messages of random functions on invalid arguments.
import random
for f in [lambda: random.choice([]), lambda: random.randrange(0), lambda: random.sample([1, 2], 3), lambda: random.randint(5, 1)]:
    try:
        f()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)

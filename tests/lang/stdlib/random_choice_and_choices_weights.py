# choice and choices (plain, weights, cum_weights) match CPython draw for draw.
import random
random.seed(3)
print(random.choice("abcdef"), random.choice([10, 20, 30]), random.choice(range(5, 50, 5)))
print(random.choices(range(10), k=6))
print(random.choices("abc", weights=[1, 5, 2], k=6))
print(random.choices("abc", cum_weights=[1, 2, 10], k=6))

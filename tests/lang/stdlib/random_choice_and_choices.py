# choice picks one element; choices picks k with replacement.
import random
random.seed(42)
print([random.choice("abcdef") for _ in range(6)], random.choice([10, 20, 30]))
print(random.choices(range(100), k=5))
random.seed(1)
print(random.choices(["red", "green", "blue"], weights=[10, 1, 1], k=8))
print(random.choices("xy", cum_weights=[1, 10], k=6))

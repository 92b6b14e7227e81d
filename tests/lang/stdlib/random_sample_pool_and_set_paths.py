# sample picks with a pool for small populations and a set for large ones, like CPython.
import random
random.seed(5)
print(random.sample(range(10), 10))
print(random.sample(range(30), 20))
print(random.sample(range(1000000), 8))
print(random.sample("abcdefgh", 3), random.sample(["red", "blue"], 5, counts=[3, 4]))

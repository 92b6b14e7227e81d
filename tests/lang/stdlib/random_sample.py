# sample picks k distinct elements.
import random
random.seed(42)
print(random.sample(range(100), 5))
print(random.sample(["a", "b", "c", "d"], 4))
print(sorted(random.sample(range(10), 10)) == list(range(10)))
random.seed(3)
print(random.sample(range(1000000), 3))

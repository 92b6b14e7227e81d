# uniform and gauss after seeding.
import random
random.seed(42)
print([random.uniform(1, 10) for _ in range(3)])
print([random.gauss(0, 1) for _ in range(4)])
random.seed(99)
print(random.gauss(100, 15), random.uniform(-1, 1))

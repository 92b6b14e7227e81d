# randint and randrange with seeds.
import random
random.seed(42)
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(10) for _ in range(5)], [random.randrange(5, 50, 5) for _ in range(5)])
random.seed(7)
print(random.randint(-1000, 1000), random.randrange(0, 10 ** 12), random.randint(0, 2 ** 70))

# randrange and randint draw through _randbelow with getrandbits, as CPython.
import random
random.seed(2024)
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(10) for _ in range(10)])
print([random.randrange(3, 100, 7) for _ in range(5)], [random.randrange(10, -10, -3) for _ in range(5)])
print(random.randrange(2**80), random.randint(-2**70, 2**70))

# The same seed gives the same sequence; different seeds differ.
import random
def run(seed):
    random.seed(seed)
    return [random.randint(0, 99) for _ in range(8)]
a, b, c = run(5), run(5), run(6)
print(a == b, a == c)
print(a, c)
r1 = random.Random(42)
r2 = random.Random(42)
print(r1.random() == r2.random(), r1.randint(1, 10), r2.randint(1, 10))

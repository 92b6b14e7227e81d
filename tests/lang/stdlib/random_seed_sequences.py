# random.seed(n) reproduces CPython's Mersenne Twister output for ints of any size and sign.
import random
for seed in [0, 1, 42, -42, 2**32, 2**100 + 7, 123456789]:
    random.seed(seed)
    print(seed, [random.random() for _ in range(3)])

# str seeds go through SHA-512 (version 2); float seeds use hash(); both match CPython.
import random
for seed in ["hello", "ünï", 3.5, -0.0, True]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randrange(1000))
r = random.Random()
r.seed("abc", version=1)
print(r.random())

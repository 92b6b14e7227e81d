# hash of ints, floats, bools and tuples of numbers is deterministic.
for v in [0, 1, -1, -2, 42, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 30]:
    print(v, hash(v))
for v in [0.0, -0.0, 1.0, 1.5, -2.25, 1e100, 0.1, float("inf"), float("-inf")]:
    print(v, hash(v))
print(hash(True), hash(False), hash(None) == hash(None))
print(hash(1) == hash(1.0) == hash(True))
print(hash((1, 2)), hash(()), hash((1, (2, 3))), hash((-1,)))

# getrandbits returns integers of the requested bit size.
import random
random.seed(42)
print(random.getrandbits(8), random.getrandbits(32), random.getrandbits(1), random.getrandbits(100))

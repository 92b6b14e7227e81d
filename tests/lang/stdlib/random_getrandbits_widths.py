# getrandbits(k) fills 32-bit words from the least significant end, for any k.
import random
random.seed(7)
print([random.getrandbits(k) for k in [0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 200]])
print(random.getrandbits(1000).bit_length() <= 1000)

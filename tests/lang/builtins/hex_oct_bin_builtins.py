# hex, oct and bin of ints.
for n in [0, 5, -5, 255, 4096, 2 ** 40, -(2 ** 40)]:
    print(hex(n), oct(n), bin(n))
print(hex(True))

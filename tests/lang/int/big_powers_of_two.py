# Powers of two across the machine-word boundary.
for e in [30, 31, 32, 47, 48, 49, 62, 63, 64, 65, 100, 127, 128, 200]:
    print(e, 2 ** e, 2 ** e - 1, -(2 ** e))

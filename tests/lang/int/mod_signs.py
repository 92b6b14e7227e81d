# Modulo with every sign combination takes the sign of the divisor.
for a in [7, -7, 6, -6, 0, 1, -1]:
    for b in [2, -2, 3, -3, 5]:
        print(a, b, a % b)

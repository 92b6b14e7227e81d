# Float modulo takes the sign of the divisor.
for a in [7.5, -7.5, 7.0, -7.0, 0.0, 5.0]:
    for b in [2.0, -2.0, 0.3, -0.3]:
        print(a, b, a % b)
print(-0.0 % 5.0, 0.0 % -5.0)
print(1e-300 % 1.0, -1e-300 % 1.0)

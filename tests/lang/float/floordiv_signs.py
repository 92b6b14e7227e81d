# Float floor division with every sign combination.
for a in [7.5, -7.5, 7.0, -7.0, 0.5]:
    for b in [2.0, -2.0, 0.3, -0.3]:
        print(a, b, a // b)
print(7 // 2.0, -7 // 2.0)
print(1e300 // 1e-10 > 0)

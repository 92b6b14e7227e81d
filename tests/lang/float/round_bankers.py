# round() to an integer uses round-half-to-even.
for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1e20]:
    r = round(x)
    print(x, r, type(r))
print(round(7), round(-7))

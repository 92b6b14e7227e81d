# str() of a float matches repr() and print().
vals = [0.1, 1.0, 1e100, 1e-100, -2.5, 1 / 7, 1e16, 12345.0]
for v in vals:
    print(str(v) == repr(v), str(v))
print(str(1.0) + "!")
print(str(-0.0))

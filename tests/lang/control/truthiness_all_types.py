# Truthiness of every basic type.
values = [None, True, False, 0, 1, -1, 0.0, -0.0, 0.5, "", "a", " ", [], [0], (), (0,),
          {}, {0: 0}, range(0), range(1), 2 ** 100, float("nan")]
for v in values:
    print(repr(v), bool(v), "T" if v else "F")
def f():
    pass
print(bool(f), bool(print), bool(len))

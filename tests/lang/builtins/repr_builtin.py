# repr of values of every basic type.
for v in [1, -2, 2 ** 80, 1.5, -0.0, 1e100, "s", "it's", "", [], [1, "a"], (), (1,),
          {}, {"k": [1]}, None, True, False, range(3), range(1, 9, 2)]:
    print(repr(v))

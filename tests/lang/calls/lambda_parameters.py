# Lambdas accept defaults, *args, **kwargs and keyword-only parameters.
f = lambda a, b=2, *c, d=4, **e: (a, b, c, d, e)
print(f(1), f(1, 3, 5, 6, d=0, z=9))
print((lambda *a: len(a))(1, 2, 3), (lambda **k: sorted(k))(y=1, x=2))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))

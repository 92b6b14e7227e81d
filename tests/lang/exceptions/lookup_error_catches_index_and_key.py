# LookupError is the base of IndexError and KeyError.
for f in [lambda: [][0], lambda: {}["x"], lambda: "abc"[10], lambda: (1,)[-5]]:
    try:
        f()
    except LookupError as e:
        print(type(e).__name__, "caught as LookupError:", e)
print(IndexError.__mro__[1].__name__, KeyError.__bases__[0].__name__)

def f(a, /, b, *, c=1, **k):
    return (lambda *a, **k: a)(b := 2)

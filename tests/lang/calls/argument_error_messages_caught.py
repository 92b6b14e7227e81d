# CPython's messages for argument mismatches.
def f(a, b=2, *, k):
    pass
def g(x, /, y):
    pass
def h():
    pass
cases = [
    lambda: f(), lambda: f(1), lambda: f(1, 2, 3, k=0), lambda: f(1, k=1, z=2),
    lambda: f(1, a=1, k=1), lambda: g(x=1, y=2), lambda: h(1), lambda: h(x=1),
    lambda: f(1, **{"k": 1, "b": 2, "q": 3}), lambda: (lambda a: a)(),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)

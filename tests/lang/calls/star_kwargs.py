# **kwargs collects extra keyword arguments.
def f(a, **kw):
    return a, sorted(kw.items())
print(f(1), f(1, x=2, y=3))
def show(**opts):
    for k in opts:
        print(k, opts[k])
show(b=2, a=1)
d = {"a": 10}
print(f(**d))
def g(x, y=0, *args, z, **kw):
    return x, y, args, z, kw
print(g(1, 2, 3, z=4, w=5))

# A positional-only parameter name can also appear in **kwargs.
def f(a, /, **kw):
    return a, kw
print(f(1, a=2, b=3))
def g(name, /, *args, **kwargs):
    return name, args, kwargs
print(g("x", 1, 2, name="y"))

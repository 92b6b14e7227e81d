# A function using every kind of parameter.
def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return dict(a=a, b=b, c=c, args=args, d=d, e=e, kw=kw)
print(f(1, d=4))
print(f(1, 20, 30, 40, 50, d=4, e=6, z=7))
print(f(1, c=33, d=44))

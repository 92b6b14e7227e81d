# Several * and ** unpackings in one call.
def show(*args, **kwargs):
    return args, kwargs
print(show(*[1, 2], 3, *(4,), *range(2)))
print(show(**{"a": 1}, b=2, **{"c": 3}))
print(show(*"ab", *"", x=0, **dict(y=1)))

# Duplicate keyword arguments coming from ** unpacking.
def f(**kw):
    return kw
try:
    f(a=1, **{"a": 2})
except TypeError as e:
    print(e)
try:
    f(**{"b": 1}, **{"b": 2})
except TypeError as e:
    print(e)

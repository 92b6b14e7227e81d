# functools.wraps copies metadata from the wrapped function.
from functools import wraps
def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k)
    return inner
@deco
def documented(x):
    "Return x doubled."
    return 2 * x
print(documented.__name__, documented.__doc__, documented(4), documented.__wrapped__.__name__)

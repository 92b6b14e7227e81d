# functools.wraps copies the name, docstring and __wrapped__.
import functools
def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return wrapper
@logged
def add(a, b=0):
    """Add two numbers."""
    return a + b
print(add(1, b=2))
print(add.__name__, add.__doc__, add.__wrapped__(5, 5), add.__qualname__)
def plain(fn):
    def wrapper():
        return fn()
    return wrapper
@plain
def named():
    pass
print(named.__name__)

# A decorator factory takes arguments and returns the decorator.
def repeat(times):
    def decorator(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorator
@repeat(3)
def roll(x):
    return x * 2
@repeat(times=1)
def one():
    return "once"
print(roll(5), one())

# Too many positional arguments for a function with defaults.
def f(a, b=1):
    return a + b
f(1, 2, 3)

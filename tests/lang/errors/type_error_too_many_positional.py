# A call with too many positional arguments.
def f(x):
    return x
f(1, 2)

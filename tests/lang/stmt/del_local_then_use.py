# Using a local after del raises UnboundLocalError.
def f():
    v = 1
    del v
    return v
f()

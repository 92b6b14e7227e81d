# Calling without a required keyword-only argument.
def f(*, key):
    return key
f()

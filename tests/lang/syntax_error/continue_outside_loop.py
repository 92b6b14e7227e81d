# continue with no enclosing loop.
def f():
    continue

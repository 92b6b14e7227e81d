# A local used before assignment.
def f():
    x += 1
    return x
f()

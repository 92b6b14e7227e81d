# A bare raise outside any handler is an error.
def f():
    raise
try:
    f()
except RuntimeError as e:
    print(type(e).__name__, e)

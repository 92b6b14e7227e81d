"""Module docstring is an expression statement and prints nothing."""
def f():
    """Function docstring."""
    return 1
print(f())
def g():
    'single-quoted docstring'
print(g())

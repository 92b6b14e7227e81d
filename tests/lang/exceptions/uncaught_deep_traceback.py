# An uncaught exception raised several calls deep.
def a(n):
    return b(n + 1)
def b(n):
    return c(n * 2)
def c(n):
    if n > 3:
        raise OverflowError(f"n too large: {n}")
    return n
print(a(0))
print(a(5))

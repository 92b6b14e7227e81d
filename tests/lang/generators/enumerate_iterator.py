# enumerate yields (index, value) pairs from a start value.
e = enumerate("abc")
print(type(e).__name__, next(e), list(e))
print(list(enumerate(["x", "y"], start=10)), dict(enumerate("hi", 1)))

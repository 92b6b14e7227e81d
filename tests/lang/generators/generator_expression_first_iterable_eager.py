# The outermost iterable of a genexp is evaluated immediately; the rest lazily.
def items():
    print("items() called")
    return [1, 2]
g = (x for x in items())
print("genexp created")
try:
    bad = (x for x in 5)
except TypeError as e:
    print("eager error:", e)
lazy = (1 / 0 for x in [1])
print("condition errors are lazy")
try:
    next(lazy)
except ZeroDivisionError:
    print("raised on first next")

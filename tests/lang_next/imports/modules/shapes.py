# Helper module in a modules/ folder; not a test itself.
def area(kind, a, b=None):
    if kind == "square":
        return a * a
    return a * b

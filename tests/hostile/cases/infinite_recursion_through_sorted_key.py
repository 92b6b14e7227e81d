# Recursion that goes through a builtin calling back into Python (sorted's key=):
# the native re-entry must also end in RecursionError.
def key(x):
    return sorted([x, x], key=key)[0]


print("before")
key(1)

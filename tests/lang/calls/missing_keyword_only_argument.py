# Calling without a required keyword-only argument.
def f(a, *, k):
    return a, k
print(f(1, k=2))
f(1)

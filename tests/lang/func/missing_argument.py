# Calling without a required positional argument.
def f(x):
    return x
print(f(1))
f()

# Calling with an unknown keyword argument.
def f(x):
    return x
print(f(x=1))
f(y=2)

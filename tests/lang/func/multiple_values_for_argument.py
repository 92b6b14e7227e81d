# Passing the same argument positionally and by keyword.
def f(x, y):
    return x + y
print(f(1, y=2))
f(1, x=2)

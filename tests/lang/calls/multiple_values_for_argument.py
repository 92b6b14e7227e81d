# An argument given both positionally and by keyword.
def f(a, b=0):
    return a + b
print(f(1, b=2))
f(1, a=2)

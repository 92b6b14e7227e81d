# Subscripting None returned by a function.
def f():
    pass
r = f()
print(r[0])

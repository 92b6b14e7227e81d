# Assigning inside a function creates a local that shadows a global.
x = "global"
def f():
    x = "local"
    return x
print(f(), x)
def g():
    return x
print(g())
def h(x):
    x = x + "!"
    return x
print(h("param"), x)

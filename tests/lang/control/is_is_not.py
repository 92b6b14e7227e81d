# Identity tests with None, bools and shared objects.
a = [1]
b = a
c = [1]
print(a is b, a is c, a is not c, a == c)
x = None
print(x is None, x is not None)
print(True is True, False is not True)
t = ()
print(t is t)
def f():
    pass
print(f() is None)
d = {}
e = d
e["k"] = 1
print(d is e, d)

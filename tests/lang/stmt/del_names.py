# del removes names, list elements and dict entries.
x = 1
y = [1, 2, 3]
d = {"a": 1, "b": 2}
del y[1]
del d["a"]
print(y, d)
a, b = 1, 2
del a, b
z = [[1, 2], [3]]
del z[0][0]
print(z)
def f():
    v = 5
    del v
    v = 6
    return v
print(f())
del x
x = "rebound"
print(x)

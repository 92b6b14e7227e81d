# id is stable for an object and differs between live objects.
a = [1]
b = [1]
c = a
print(id(a) == id(a), id(a) == id(c), id(a) != id(b))
print(type(id(a)))

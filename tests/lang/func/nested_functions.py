# Functions defined inside functions.
def outer(x):
    def inner(y):
        return x + y
    def twice(y):
        return inner(inner(y))
    return twice(10)
print(outer(1), outer(5))
def make_adders():
    adders = []
    for i in range(3):
        def add(v, i=i):
            return v + i
        adders.append(add)
    return adders
print([a(100) for a in make_adders()])

# yield from delegates; send passes values in.
def inner():
    yield 1
    yield 2
    return "inner done"
def outer():
    r = yield from inner()
    yield r
print(list(outer()))
def acc():
    total = 0
    while True:
        v = yield total
        total += v
a = acc()
next(a)
print(a.send(5), a.send(10))

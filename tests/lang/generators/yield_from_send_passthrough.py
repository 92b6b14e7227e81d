# send() values pass through yield from to the subgenerator.
def inner():
    got = []
    while True:
        v = yield len(got)
        if v is None:
            return got
        got.append(v)
def outer():
    result = yield from inner()
    yield "inner returned " + str(result)
g = outer()
print(next(g), g.send("a"), g.send("b"))
print(g.send(None))

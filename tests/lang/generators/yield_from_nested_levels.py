# yield from chains through several generator levels.
def level3():
    yield "c1"
    yield "c2"
    return "L3"
def level2():
    r = yield from level3()
    yield "b saw " + r
    return "L2"
def level1():
    r = yield from level2()
    yield "a saw " + r
print(list(level1()))

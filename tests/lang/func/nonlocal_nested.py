# nonlocal through several levels of nesting.
def level1():
    x = "l1"
    def level2():
        def level3():
            nonlocal x
            x = "set by l3"
        level3()
        return x
    r = level2()
    return r, x
print(level1())
def accumulate():
    total = 0
    def add(v):
        nonlocal total
        total += v
    for v in [1, 2, 3]:
        add(v)
    return total
print(accumulate())

# nonlocal lets a closure rebind a variable of the enclosing function.
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(10), c2())

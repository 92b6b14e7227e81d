# Taking a fixed number of values from an infinite generator.
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
print(take(15, fib()))
f = fib()
print([next(f) for _ in range(5)], next(f))

# Generator functions yield values lazily.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(5)))
g = countdown(2)
print(next(g), next(g), next(g, "done"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)

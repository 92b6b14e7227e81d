# Each call creates an independent generator with its own locals.
def counter(start):
    n = start
    while True:
        yield n
        n += 1
a, b = counter(0), counter(100)
print(next(a), next(a), next(b), next(a), next(b))

# An infinite generator consumed until a condition.
def naturals():
    n = 1
    while True:
        yield n
        n += 1
def primes():
    for n in naturals():
        if n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1)):
            yield n
found = []
for p in primes():
    if p > 40:
        break
    found.append(p)
print(found)

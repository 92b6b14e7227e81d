# List indexing, negative indices, stores and len() inside traces (a sieve).
# jit-flags: --jit-param hotloop=5
# expect: compiled >= 2
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            j = i * i
            while j <= n:
                flags[j] = False
                j += i
        i += 1
    count = 0
    for f in flags:
        if f:
            count += 1
    return count
print(sieve(100000))
xs = [3, 1, 4, 1, 5, 9, 2, 6]
t = 0
for i in range(len(xs)):
    t += xs[-1 - i] * xs[i]
print(t)

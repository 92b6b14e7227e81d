# Floor division and modulo by a constant power of two compile to a shift
# and a mask (no helper call); both must match Python for negative numbers.
# jit-flags: --jit-param hotloop=5
# expect: compiled >= 3
def f(n):
    t = 0
    for i in range(-n, n):
        t += i // 2 + i % 2 * 3 + i // 8 - i % 16 + i // 1 + i % 1 + (i * 7) // 4 + i % 4
    return t
print(f(1000))

def g(n, big):
    t = 0
    for i in range(-n, n):
        x = i * big
        t += x // 1024 + x % 1024 + x // 4096 - x % 65536
    return t
print(g(300, 1234567))
print(g(300, -1234567))

def h(xs):
    t = 0
    for x in xs:
        t += x // 2 - x % 2 + x // 32 - x % 32 + x // 8 % 4
    return t
print(h([-(2 ** 46), 2 ** 46 - 1, -1, 0, 1, -33, 33, 2 ** 45, -(2 ** 45) - 1] * 3))

# A float loop becomes one trace with no aborts and runs compiled.
# jit-flags: --jit-param hotloop=10
# expect: compiled == 1
# expect: aborted == 0
# expect: entries >= 1
def integrate(n):
    h = 1.0 / n
    s = 0.0
    x = 0.0
    i = 0
    while i < n:
        s += x * x * h
        x += h
        i += 1
    return s
print(round(integrate(100000), 9))

# Exceptions raised by code the trace covers: the guard before the failing
# operation exits, and the interpreter raises exactly what CPython raises.
# jit-flags: --jit-param hotloop=2
# expect: compiled >= 1
def index_walk(xs):
    total = 0
    i = 0
    try:
        while True:
            total += xs[i]
            i += 1
    except IndexError as e:
        return total, i, str(e)
print(index_walk(list(range(50))))

def divide_all(d):
    out = 0.0
    try:
        for k in range(20, -5, -1):
            out += d / k
    except ZeroDivisionError as e:
        return out, str(e)
print(divide_all(7.0))

def mod_all(n):
    s = 0
    try:
        for k in range(n, -3, -1):
            s += 1000 % k
    except ZeroDivisionError as e:
        return s, str(e)
print(mod_all(30))

# Snapshots leave out locals the bytecode writes before it reads them
# (jit/liveness.h). What the interpreter sees after an exit must not change:
# locals read after the loop, locals read by an exception handler, del of a
# local, locals() (which keeps every local live), and a loop variable that is
# dead at the header but live after a break.
# jit-flags: --jit-param hotloop=2,hotexit=2
# expect: compiled >= 2


def after_loop(n):
    for i in range(n):
        t = i * 2
        u = t + 1
    return t, u


def handler_reads(n):
    total = 0
    try:
        for i in range(n):
            x = i * 3
            total += 100 // (n - 1 - i)
    except ZeroDivisionError:
        return total, x
    return total, None


def deletes(n):
    out = []
    for i in range(n):
        y = i
        if i % 4 == 0:
            del y
            try:
                print(y)
            except UnboundLocalError:
                out.append("unbound")
        else:
            out.append(y)
    return out[-6:]


def with_locals(n):
    seen = None
    for i in range(n):
        z = i * i
        w = z - 1
        if i == n - 2:
            seen = sorted(locals().items())
    return seen


def breaks(n):
    found = -1
    for i in range(n):
        v = i * 7 % 11
        if v == 3 and i > 20:
            found = i
            break
    return found, v


def float_mix(n):
    acc = 0.0
    for i in range(n):
        d = i * 0.5
        e = d * d
        acc += e if i != n - 5 else 1
    return acc, d, e


print(after_loop(100))
print(handler_reads(50))
print(deletes(40))
print(with_locals(30))
print(breaks(100))
print(float_mix(80))

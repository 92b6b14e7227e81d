# Side traces that return from the frame their trace started in (RETF) and
# carry on in the caller: the loop inside `steps` exits by `return`, the side
# trace of that exit continues in the caller's loop. Covers a second caller
# (the RETF guard fails and the interpreter returns), a type change in the
# caller after the return, callers reached from C++ (sorted's key: an entry
# frame, so no RETF), __init__ frames, and an exception raised after the return.
# jit-flags: --jit-param hotloop=3,hotexit=2
# expect: compiled >= 3
# expect: side >= 2


def steps(x, limit):
    k = 0
    while k < limit:
        x = x * 0.5 + 1.0
        if x > 1.9:
            return k
        k += 1
    return -1


def caller_a(n):
    total = 0
    for i in range(n):
        r = steps(float(i % 7), 40)
        total += r * 2 if r >= 0 else 1
    return total


def caller_b(n):
    out = []
    for i in range(n):
        out.append(steps(0.25 * (i % 5), 3))
    return out


def mixed(n):
    acc = 0
    for i in range(n):
        v = steps(1.0, 50)
        if i == n - 3:
            v = 2.5  # a float where the trace saw ints
        acc = acc + v
    return acc


class Walker:
    def __init__(self, start):
        self.pos = 0
        while start > 0:
            start -= 1
            self.pos += 2
            if self.pos > 30:
                return


def make_walkers(n):
    return sum(Walker(i % 25).pos for i in range(n))


def failing(n):
    got = []
    for i in range(n):
        k = steps(1.0, 50)
        got.append(10 // (k - 7) if i < n - 1 else 10 // (k - k))
    return got


print(caller_a(300))
print(caller_b(40)[-5:])
print(caller_a(50))
print(mixed(200))
print(sorted(range(20), key=lambda i: steps(float(i % 4), 10))[:8])
print(make_walkers(200))
try:
    failing(60)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

# Unbounded recursion reached from loops the JIT has compiled. walk() runs a
# compiled loop in every frame of a deep recursion; drive() is a compiled loop
# calling step(), which is rebound to an infinitely recursive function once
# the trace is running. RecursionError with CPython's message, exit status 1,
# never a crash of a trace or a C stack overflow. (No range() and no
# comparison where the limit is hit: CPython would add " in comparison".)
def walk(n, limit):
    if not limit - n:
        return 0
    s = 0
    i = 0
    while i < 40:
        s += i
        i += 1
    return walk(n + 1, limit) + s


def step(x):
    return x * 2 + 1


def forever(x):
    return forever(x + 1) - 1


def drive(rounds, switch_at):
    global step
    total = 0
    for k in range(rounds):
        if k == switch_at:
            step = forever
        total += step(k) % 7
    return total


print(walk(0, 900))
print(drive(1000, -1))
print(drive(1000, 500))
print("not reached")

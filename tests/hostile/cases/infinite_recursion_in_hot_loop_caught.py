# Unbounded recursion from loops the JIT has compiled, caught and retried: the
# VM must unwind the frames above each trace every time and keep running (and
# counting) correctly afterwards. The recursive functions avoid range() and
# comparisons where the limit is hit, where CPython's message would gain
# " in comparison".
def walk(n, limit):
    if not limit - n:
        return 0
    s = 0
    i = 0
    while i < 40:
        s += i
        i += 1
    return walk(n + 1, limit) + s


def forever(x):
    return forever(x + 1) - 1


class Node:
    def __init__(self):
        self.next = self

    def depth(self):
        return self.next.depth() + 1


def double(x):
    return x * 2 + 1


def hot_then_recurse(rounds, fn, arg):
    caught = 0
    ok = 0
    msg = ""
    for r in range(rounds):
        if r % 50 == 49:
            try:
                fn(arg)
            except RecursionError as e:
                caught += 1
                msg = str(e)
        else:
            ok += r % 7
    return caught, ok, msg


def rebinding(rounds):
    # The compiled loop calls f; every 100 rounds f recurses without end.
    caught = 0
    total = 0
    for r in range(rounds):
        f = forever if r % 100 == 99 else double
        try:
            total += f(r) % 5
        except RecursionError:
            caught += 1
    return caught, total


def walk_forever(arg):
    return walk(0, arg)


print(hot_then_recurse(500, forever, 0))
print(hot_then_recurse(300, walk_forever, -1))
print(hot_then_recurse(200, lambda node: node.depth(), Node()))
print(rebinding(1000))
print(walk(0, 900))

# After all that unwinding, recursion of bounded depth and hot loops still work.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def sum_facts(rounds):
    s = 0
    for i in range(rounds):
        s += fact(i % 25)
    return s


print(sum_facts(2000))


def count(n):
    return 0 if n == 0 else 1 + count(n - 1)


print(count(900))

# *args collects extra positional arguments into a tuple.
def f(first, *rest):
    return first, rest, type(rest).__name__
print(f(1))
print(f(1, 2, 3))
def mean(*xs):
    return sum(xs) / len(xs) if xs else None
print(mean(), mean(1, 2, 3, 4))

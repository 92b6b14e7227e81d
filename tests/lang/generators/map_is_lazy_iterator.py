# map returns a lazy iterator.
def loud(x):
    print("map calls", x)
    return x * x
m = map(loud, [1, 2, 3])
print(type(m).__name__, iter(m) is m)
print(next(m))
print(list(m), list(m))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))

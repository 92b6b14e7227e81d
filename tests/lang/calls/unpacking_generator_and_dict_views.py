# Any iterable can be *-unpacked; ** needs a mapping.
def f(*a, **k):
    return a, k
d = {"x": 1, "y": 2}
print(f(*d), f(*d.values()), f(*d.items()), f(**d))
print(f(*(i * i for i in range(4))))

# * and ** unpacking require an iterable and a mapping.
def f(*a, **k):
    return a, k
try:
    f(*5)
except TypeError as e:
    print(e)
try:
    f(**[1, 2])
except TypeError as e:
    print(e)

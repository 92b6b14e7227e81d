# The default is the value at definition time, not call time.
limit = 10
def check(x, limit=limit):
    return x <= limit
limit = 0
print(check(5), check(15), limit)
counter = [0]
def make_default():
    counter[0] += 1
    return counter[0]
def f(v=make_default()):
    return v
print(f(), f(), counter)

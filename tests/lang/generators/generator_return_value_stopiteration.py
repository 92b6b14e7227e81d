# A generator's return value is StopIteration.value.
def g():
    yield 1
    return "result"
gen = g()
next(gen)
try:
    next(gen)
except StopIteration as e:
    print("value:", e.value, e.args)
def empty():
    return
    yield
try:
    next(empty())
except StopIteration as e:
    print("value:", e.value)

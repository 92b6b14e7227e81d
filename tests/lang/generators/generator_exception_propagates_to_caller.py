# An exception in a generator body propagates out of next().
def g():
    yield 1
    raise ValueError("inside generator")
gen = g()
print(next(gen))
try:
    next(gen)
except ValueError as e:
    print("caught", e)
print(next(gen, "finished after error"))

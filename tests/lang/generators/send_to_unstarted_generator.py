# Sending a non-None value to a just-started generator is a TypeError.
def g():
    x = yield 1
    yield x
gen = g()
try:
    gen.send("hello")
except TypeError as e:
    print(e)
print(gen.send(None), gen.send("now ok"))

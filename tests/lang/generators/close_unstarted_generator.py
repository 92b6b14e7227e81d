# Closing a generator that never started does not run its body.
def g():
    print("body")
    yield 1
gen = g()
gen.close()
print(list(gen))

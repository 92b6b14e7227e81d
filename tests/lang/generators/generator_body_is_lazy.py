# Nothing in the body runs until the first next().
def noisy():
    print("body started")
    yield "value"
g = noisy()
print("generator created")
for v in g:
    print("got", v)

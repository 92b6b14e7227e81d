# Generator expressions produce values on demand.
def source():
    for i in range(3):
        print("produce", i)
        yield i
ge = (x * 10 for x in source())
print("made genexp", type(ge).__name__)
print(next(ge))
print(list(ge))

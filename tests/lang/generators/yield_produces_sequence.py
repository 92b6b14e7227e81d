# Each next() resumes the generator until the following yield.
def gen():
    print("start")
    yield 1
    print("between")
    yield 2
    print("end")
g = gen()
print("created")
print(next(g))
print(next(g))
print(next(g, "exhausted"))

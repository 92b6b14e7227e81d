# A generator captures variables from its enclosing function.
def make_counter(step):
    def gen(n):
        for i in range(n):
            yield i * step
    return gen
by3 = make_counter(3)
print(list(by3(4)), list(make_counter(-1)(3)))

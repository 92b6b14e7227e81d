# A decorator storing state on the wrapper function.
def counted(fn):
    def wrapper(*a, **k):
        wrapper.calls += 1
        return fn(*a, **k)
    wrapper.calls = 0
    return wrapper
@counted
def square(x):
    return x * x
print([square(i) for i in range(4)], square.calls)

# Decorators also apply to methods; self passes through *args.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("->", fn.__name__, args[1:], kwargs)
        return fn(*args, **kwargs)
    return wrapper
class Calc:
    @trace
    def add(self, a, b=0):
        return a + b
print(Calc().add(2, b=3))

# Functions are first-class values passed to other functions.
def apply_twice(fn, x):
    return fn(fn(x))
def compose(*fns):
    def run(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return run
inc = lambda x: x + 1
print(apply_twice(inc, 5), apply_twice(str.upper, "ab"), compose(inc, abs)(-5), compose()(7))

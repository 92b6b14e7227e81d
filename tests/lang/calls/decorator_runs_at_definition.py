# The decorator runs once when def executes, not when the function is called.
registry = {}
def register(fn):
    print("registering", fn.__name__)
    registry[fn.__name__] = fn
    return fn
@register
def alpha():
    return "A"
@register
def beta():
    return "B"
print("calling")
print(sorted(registry), registry["beta"](), alpha is registry["alpha"])

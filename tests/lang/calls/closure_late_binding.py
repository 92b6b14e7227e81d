# Closures see the variable's current value, not its value at creation.
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def outer():
    x = 1
    def get():
        return x
    x = 2
    return get
print(outer()())

# An undefined global used inside a function.
def f():
    return undefined_name + 1
print("calling")
f()

# A return in finally overrides the try block's return value.
def f():
    try:
        return "from try"
    finally:
        return "from finally"
def g():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("finally sees", x)
print(f(), g())

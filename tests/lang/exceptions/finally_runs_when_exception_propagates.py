# finally runs while an exception propagates to an outer handler.
def f():
    try:
        print("in f")
        raise RuntimeError("oops")
    finally:
        print("f cleanup")
try:
    f()
except RuntimeError as e:
    print("caught", e)

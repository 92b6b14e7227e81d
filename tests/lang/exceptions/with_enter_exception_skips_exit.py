# If __enter__ raises, __exit__ is not called.
class Fails:
    def __enter__(self):
        raise OSError("cannot open")
    def __exit__(self, *a):
        print("exit (never)")
try:
    with Fails():
        print("body (never)")
except OSError as e:
    print("caught", e)

# __exit__ returning a false value lets the exception propagate.
class Quiet:
    def __enter__(self):
        print("enter")
    def __exit__(self, *exc):
        print("exit sees", exc[0].__name__)
        return None
try:
    with Quiet():
        raise ValueError("boom")
    print("not reached")
except ValueError as e:
    print("propagated:", e)

# A bare raise re-raises the exception being handled.
def parse(s):
    try:
        return int(s)
    except ValueError:
        print("parse failed for", repr(s))
        raise
try:
    parse("x1")
except ValueError as e:
    print("outer:", e)

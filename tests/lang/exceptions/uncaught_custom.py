# An uncaught user-defined exception.
class BoomError(Exception):
    pass
print("about to raise")
raise BoomError("it went boom")

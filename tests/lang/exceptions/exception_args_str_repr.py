# args, str() and repr() of exceptions with 0, 1 and 2 arguments.
for e in [Exception(), Exception("one"), Exception("a", 2), ValueError(42), KeyError("key")]:
    print(type(e).__name__, e.args, "|" + str(e) + "|", repr(e))

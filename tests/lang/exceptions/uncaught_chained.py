# An uncaught exception raised while handling another.
try:
    {}["k"]
except KeyError:
    raise RuntimeError("during handling")

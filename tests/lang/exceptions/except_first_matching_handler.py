# Handlers are tried in order; the first matching one wins.
try:
    raise KeyError("k")
except LookupError:
    print("LookupError handler")
except KeyError:
    print("KeyError handler (never reached)")
try:
    raise KeyError("k")
except KeyError:
    print("KeyError handler")
except LookupError:
    print("LookupError handler")

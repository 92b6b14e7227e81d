# Raising a class instantiates it with no arguments.
try:
    raise ValueError
except ValueError as e:
    print(type(e).__name__, e.args, repr(str(e)))
try:
    raise IndexError("with message")
except IndexError as e:
    print(type(e).__name__, e.args)

# True, False and None literals.
print(True, False, None)
print(True + True)
print(None is None)
print(not None)
print(type(None))
print(repr(None))

# Argument-count errors of str methods use CPython's wording.
print("abc".find("b"))
print("abc".find())

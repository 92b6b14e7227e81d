# A builtin called with the wrong number of arguments.
print(len("ab"))
print(len("a", "b"))

# Extra arguments to % formatting are a TypeError.
print("%s" % ("a",))
print("%s" % ("a", "b"))

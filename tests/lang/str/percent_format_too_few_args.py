# %-formatting with too few arguments.
print("%s %s" % ("a", "b"))
print("%s %s" % ("a",))

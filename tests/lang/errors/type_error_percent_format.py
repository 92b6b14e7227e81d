# %d with a string argument.
print("%d" % 5)
print("%d" % "5")

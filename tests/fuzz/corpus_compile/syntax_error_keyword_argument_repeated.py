# The same keyword argument twice in a call.
print(1, sep=" ", sep=",")

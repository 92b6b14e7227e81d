# A format spec that does not apply to strings.
print(format(5, "d"))
print(format("s", "d"))

# A failing assert with a message.
value = -1
print("checking")
assert value >= 0, "value must be non-negative, got " + str(value)

# range() does not accept floats.
print(list(range(3)))
print(range(3.0))

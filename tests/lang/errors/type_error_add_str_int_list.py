# Adding a list and an int.
print([1] * 2)
print([1] + 2)

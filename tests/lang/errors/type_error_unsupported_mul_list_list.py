# Multiplying two lists.
print([1] * [2])

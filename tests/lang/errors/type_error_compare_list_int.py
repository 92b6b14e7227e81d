# Ordering a list against an int.
print([1] < 2)

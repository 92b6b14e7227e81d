# Concatenating a str and an int.
print("a" + "1")
print("a" + 1)

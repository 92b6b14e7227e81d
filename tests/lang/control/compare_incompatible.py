# Ordering comparison between an int and a string.
print(1 == "1", 1 != "1")
print(1 < "1")

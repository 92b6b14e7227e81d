# Subtracting strings.
print("a" - "b")

# A digit not valid in the given base.
print(int("101", 2))
print(int("102", 2))

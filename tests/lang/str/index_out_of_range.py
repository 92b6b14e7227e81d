# Indexing past the end of a string.
s = "abc"
print(s[2])
print(s[3])

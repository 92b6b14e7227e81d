# Indexing a str with a non-integer names the type.
s = "abc"
print(s[True], s[-1])
print(s["1"])

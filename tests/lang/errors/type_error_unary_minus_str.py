# Negating a string.
s = "abc"
print(-s)

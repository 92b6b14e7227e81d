# Indexing strings with positive and negative indices.
s = "hello"
print(s[0], s[1], s[4])
print(s[-1], s[-2], s[-5])
print(type(s[0]), len(s[0]))
i = 2
print(s[i], s[-i])
print("x"[0])

# Iterating over a string yields one-character strings.
for ch in "abc":
    print(ch)
chars = []
for c in "héllo":
    chars.append(c)
print(chars)
print(list("xyz"))
print(tuple("ab"))

# Strings built and dropped repeatedly keep their contents.
parts = []
for i in range(300):
    s = "item" + str(i) + "-" * (i % 7)
    if i % 25 == 0:
        parts.append(s)
print(parts)
joined = ""
for i in range(200):
    joined = (joined + str(i % 10))[-50:]
print(joined)

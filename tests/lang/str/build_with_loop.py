# Building a long string piece by piece.
parts = []
for i in range(100):
    parts.append(str(i * i))
s = ",".join(parts)
print(len(s))
print(s[:40])
print(s[-20:])
acc = ""
for ch in "abcdefghij":
    acc = ch + acc
print(acc)

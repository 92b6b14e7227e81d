# Flags, sentinels and loop exits combined.
data = [4, 8, 15, 16, 23, 42]
result = -1
idx = 0
for value in data:
    if value > 20:
        result = idx
        break
    idx += 1
print(result)
evens = 0
for value in data:
    if value % 2:
        continue
    evens += 1
print(evens)

# Iteration order after deletes and re-inserts.
d = {}
for i in range(10):
    d[i] = i * i
for i in range(0, 10, 3):
    del d[i]
print(d)
d[0] = "back"
d[3] = "again"
print(list(d))
for i in range(100, 200):
    d[i] = i
for i in range(100, 200):
    del d[i]
print(d)
d[5] = "updated"
print(list(d.items())[:4])

# Building and dropping nested lists, tuples and dicts repeatedly.
total = 0
for r in range(100):
    rows = []
    for i in range(20):
        rows.append((i, [i, r], {"k": i * r}))
    for t in rows:
        total += t[0] + t[1][1] + t[2]["k"]
print(total)

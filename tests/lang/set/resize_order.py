# Growing and shrinking through many resizes keeps CPython's order.
s = set()
for i in range(3000):
    s.add(i * 7919 % 10007)
items = list(s)
print(len(items), items[:15], items[-5:])
for i in range(0, 10007, 3):
    s.discard(i)
print(len(s), list(s)[:10])
s.difference_update(range(0, 5000))
print(len(s), list(s)[:10])

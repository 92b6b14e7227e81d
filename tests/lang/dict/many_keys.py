# A dict with a couple of thousand keys, grown and shrunk.
d = {}
for i in range(2000):
    d["k" + str(i)] = i
print(len(d), d["k0"], d["k1999"], d["k1234"])
for i in range(0, 2000, 2):
    del d["k" + str(i)]
print(len(d), list(d)[:3], list(d)[-2:])
total = 0
for k in d:
    total += d[k]
print(total)

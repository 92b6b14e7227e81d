# Accumulators that alternate between ints and floats inside a hot loop.
acc = 0
for i in range(1000):
    acc = acc + (i if i % 2 else 0.5)
    if i % 100 == 0:
        acc = int(acc)
print(acc)
total = 0
for i in range(1, 1000):
    total += 1 / i if i % 3 else i
print(total)

# Accumulating a big int in a loop.
a, b = 0, 1
for i in range(300):
    a, b = b, a + b
print(a)
print(len(str(a)))
total = 0
for i in range(1, 200):
    total += i ** 5
print(total)

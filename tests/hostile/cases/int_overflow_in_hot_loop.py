# Counters that cross the small-int boundary inside hot loops, both ways.
x = 2 ** 47 - 500
for i in range(1000):
    x += 1
print(x, x - 2 ** 47)
y = -(2 ** 47) + 500
for i in range(1000):
    y -= 1
print(y, y + 2 ** 47)
z = 1
for i in range(100):
    z *= 3
    z -= 1
print(z)
w = 2 ** 100
for i in range(200):
    w -= 2 ** 93
print(w)

# Repeated float accumulation shows rounding error exactly as CPython does.
s = 0.0
for i in range(10):
    s += 0.1
print(s)
t = 0.0
for i in range(1, 1001):
    t += 1.0 / i
print(t)
p = 1.0
for i in range(50):
    p *= 1.1
print(p)

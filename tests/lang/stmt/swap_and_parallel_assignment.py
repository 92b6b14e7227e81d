# Swapping and parallel assignment use the right-hand values first.
a, b = 1, 2
a, b = b, a
print(a, b)
a, b = b, a + b
print(a, b)
x = [1, 2, 3]
x[0], x[1] = x[1], x[0]
print(x)
fib = [0, 1]
p, q = 0, 1
for _ in range(10):
    p, q = q, p + q
print(p, q)

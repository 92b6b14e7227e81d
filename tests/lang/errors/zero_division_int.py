# Integer division by zero.
n = 10
d = 0
print(n // 2)
print(n // d)

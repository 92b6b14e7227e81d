# Comparisons among big ints of various signs and sizes.
a = 2 ** 100
b = 2 ** 100 + 1
c = -(2 ** 100)
print(a < b, a > b, a == b, a != b, a <= a, a >= b)
print(c < a, c < 0, c < -1, c > -(2 ** 101))
print(a == 2 ** 100)
print(max(a, b, c), min(a, b, c))
print(sorted([b, c, a, 0, -1, 1]))

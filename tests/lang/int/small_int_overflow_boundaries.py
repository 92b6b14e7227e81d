# Results that cross 32, 48 and 64-bit boundaries from small operands.
a = 2 ** 47 - 1
print(a + 1, a * 2, a * a)
b = -(2 ** 47)
print(b - 1, b * 2, b * b)
c = 2 ** 63 - 1
print(c + 1, c * c, -c - 2)
print(65536 * 65536)
print(4294967296 * 4294967296)
print(3037000499 * 3037000499)
print(3037000500 * 3037000500)
s = 0
for i in range(100):
    s = s * 3 + 1
print(s)

# Arithmetic crossing between small and big ints in both directions.
big = 2 ** 64
print(big - 2 ** 64)
print(type(big - big))
print(big // big)
print(big * 0)
print(big + -big + 5)
x = 2 ** 62
print(x + x)
print(x * 4)
print(-x - x - x)
print((big + 1) * (big - 1) == big * big - 1)
print(12345678901234567890123 * 98765432109876543210)
print(99999999999999999999 + 1)
print(-99999999999999999999 - 1)
print(10 ** 30 - 10 ** 30 + 1)

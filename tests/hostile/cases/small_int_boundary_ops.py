# Arithmetic on both sides of the small-int boundary (48-bit payload: -2**47 ..
# 2**47-1) and the 64-bit one, in a hot loop: every result must be exact.
edges = [2 ** 47 - 1, 2 ** 47, -(2 ** 47), -(2 ** 47) - 1, 2 ** 48, 2 ** 63 - 1, 2 ** 63, -(2 ** 63), 2 ** 64]
for v in edges:
    for d in (-2, -1, 0, 1, 2):
        x = v + d
        print(x, x + 1, x - 1, x * 2, x * -1, -x, abs(x), ~x, x // -1, x % 7, x << 1, x >> 1, x * x)
        print(x // 3, x % -3, divmod(x, 1000), x & 0xFFFF, x | 1, x ^ -1, x == 2 ** 47, x < 2 ** 47)
m = -(2 ** 47)
print(m * -1, -m, abs(m), m // -1, m - 1, (m - 1) + 1)

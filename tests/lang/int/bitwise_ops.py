# &, |, ^ and ~ on positive ints.
print(12 & 10, 12 | 10, 12 ^ 10)
print(~0, ~1, ~255)
print(0xff & 0x0f)
print(0xf0 | 0x0f)
print(0xff ^ 0xff)
print((2 ** 100 + 5) & 7)
print((2 ** 100) | 1)
print((2 ** 100) ^ (2 ** 100 + 3))

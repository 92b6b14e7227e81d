# int(str, base) for every base and the base-0 prefix rules.
print(int("101", 2))
print(int("777", 8))
print(int("ff", 16), int("FF", 16))
print(int("z", 36), int("Z", 36))
print(int("10", 3), int("10", 7), int("10", 36))
for base in range(2, 37):
    print(base, int("11", base))
print(int("0x1f", 16), int("0o17", 8), int("0b11", 2))
print(int("0x1f", 0), int("0o17", 0), int("0b11", 0), int("123", 0))
print(int("1_000", 0), int("0x_ff", 0), int("1_0", 10))
print(int("  42  "), int("-42"), int("+42"))
print(int("\t-0x10\n", 16))
print(int("0", 0), int("00", 0))

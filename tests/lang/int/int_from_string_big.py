# int() parses long digit strings into big ints.
s = "1" * 100
n = int(s)
print(n)
print(n % 1000)
print(int("-" + "9" * 50) + 1)
print(int("f" * 40, 16))
print(int("1" * 130, 2))

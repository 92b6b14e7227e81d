# str() and repr() of big ints up to the conversion limit.
n = 7 ** 4000
s = str(n)
print(len(s))
print(s[:30])
print(s[-30:])
print(repr(-n)[:5])
print(len(str(10 ** 4299)))
print(str(2 ** 1000))

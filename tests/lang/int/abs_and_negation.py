# abs() and negation of small and big ints.
print(abs(0), abs(5), abs(-5))
print(abs(-(2 ** 100)))
print(-(-(2 ** 100)) == 2 ** 100)
print(abs(-2 ** 63))
print(-0 == 0)
x = -7
print(abs(x) == -x)

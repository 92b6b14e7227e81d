# Addition, subtraction, multiplication and unary operators on small ints.
print(1 + 2)
print(10 - 25)
print(6 * 7)
print(-6 * 7)
print(-(-3))
print(+(-3))
print(0 * -1)
print(2 + 3 * 4 - 5)
a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b)
print(10 / 2)
print(type(10 / 2))
print(-a, +a, ~a)

# abs(), negation and unary plus on floats.
print(abs(-2.5), abs(2.5), abs(-0.0))
print(-(2.5), +(-2.5), -(-0.0))
print(-0.0 * 1, 0.0 * -5)
x = 1.5
x = -x
print(x)

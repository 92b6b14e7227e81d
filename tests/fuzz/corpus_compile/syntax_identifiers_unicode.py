# Identifiers may contain underscores, digits and non-ASCII letters.
_x = 1
x_1 = 2
__dunder_like__ = 3
café = 4
日本 = 5
CamelCase = 6
print(_x, x_1, __dunder_like__, café, 日本, CamelCase)

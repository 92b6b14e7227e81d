# hex of a float is a TypeError.
print(hex(10))
print(hex(1.5))

# Set comprehensions add in iteration order, giving CPython's layout.
print({x * 7 % 50 for x in range(30)})
print({(x, x % 3) for x in range(6)})
print({x for x in [5, 13, 21, 29] if x != 13})

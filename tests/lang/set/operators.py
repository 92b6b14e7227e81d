# | & - ^ between sets and frozensets.
a = {1, 2, 3, 4}
b = frozenset([3, 4, 5])
print(a | b, a & b, a - b, a ^ b)
print(b | a, b & a, b - a, b ^ a)
print(a | a, a & a, a - a, a ^ a)

# A starred unpacking without enough values for the fixed targets.
a, *b, c = [1, 2]
print(a, b, c)
a, *b, c = [1]

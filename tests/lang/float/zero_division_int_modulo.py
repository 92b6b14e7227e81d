# Modulo of an int by zero.
print(5 % 3)
print(5 % 0)

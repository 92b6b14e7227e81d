# Tuples do not support item assignment.
t = (1, 2)
print(t)
t[0] = 5

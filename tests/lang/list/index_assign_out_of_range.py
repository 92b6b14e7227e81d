# Assigning past the end of a list.
a = [1, 2, 3]
a[2] = 0
print(a)
a[5] = 1

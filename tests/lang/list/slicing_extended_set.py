# Assigning to extended slices, including a negative step.
a = list(range(10))
a[::2] = ["e"] * 5
print(a)
a[::-3] = [1, 2, 3, 4]
print(a)
b = [0, 0, 0, 0]
b[1::2] = (7, 8)
print(b)

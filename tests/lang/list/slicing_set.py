# Assigning to slices, growing and shrinking the list.
a = list(range(10))
a[2:5] = ["a", "b"]
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100]
print(a)
a[1:3] = []
print(a)
a[:] = [1, 2, 3]
print(a)
a[1:1] = "xy"
print(a)

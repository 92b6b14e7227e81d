# range with negative steps.
print(list(range(10, 0, -1)))
print(list(range(10, 0, -3)))
print(list(range(0, 10, -1)))
print(list(range(-1, -10, -2)))
print(list(range(5, -6, -5)))
for i in range(3, -1, -1):
    print(i)

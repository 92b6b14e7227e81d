# range with one, two and three arguments.
print(list(range(5)))
print(list(range(2, 7)))
print(list(range(0, 20, 5)))
print(list(range(0)))
print(list(range(5, 2)))
print(list(range(-3, 3)))
print(list(range(1, 10, 4)))

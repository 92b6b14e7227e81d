# pop and remove.
a = [1, 2, 3, 2, 4]
print(a.pop(), a)
print(a.pop(0), a)
print(a.pop(-2), a)
a.remove(2)
print(a)
b = ["x", "y", "x"]
b.remove("x")
print(b)

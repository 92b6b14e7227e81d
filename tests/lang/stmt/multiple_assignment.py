# Chained assignment binds every target to the same object.
a = b = c = 1
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
p = q = r = "s"
q = "changed"
print(p, q, r)
lst = [0, 0]
i = lst[i] = 1
print(i, lst)

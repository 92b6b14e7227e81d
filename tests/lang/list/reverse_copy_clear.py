# reverse, copy and clear.
a = [1, 2, 3]
a.reverse()
print(a)
b = a.copy()
b.append(4)
print(a, b)
nested = [[1], [2]]
c = nested.copy()
c[0].append(9)
print(nested)
a.clear()
print(a, len(a))

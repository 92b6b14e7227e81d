# copy() is shallow and independent; clear() empties in place.
a = set([1, 2, 3])
b = a.copy()
a.add(4)
print(a, b, a is b)
a.clear()
print(a, b, len(a))
a.add(9)
print(a)

# Printing lists that contain themselves: [...] marks the cycle.
a = [1, 2]
a.append(a)
print(a)
print(repr(a), str(a))
print([a, a])
a.insert(0, a)
print(a, len(a))
print(a[0] is a, a == a)

# Reading list slices.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7])
print(a[::2], a[1::3], a[::-1], a[::-3])
print(a[8:2:-2], a[-2:-8:-3], a[1:-1:2])
print(a[100:], a[-100:2], a[5:5])
b = a[:]
b[0] = 99
print(a[0], b[0])

# Indexing lists with positive and negative indices.
a = [10, 20, 30, 40]
print(a[0], a[3], a[-1], a[-4])
a[1] = 21
a[-1] = 41
print(a)
m = [[1, 2], [3, 4]]
print(m[1][0], m[-1][-1])
m[0][1] = 99
print(m)

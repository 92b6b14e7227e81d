# A list that contains itself prints as [...].
a = [1, 2]
a.append(a)
print(a)
print(len(a))
print(a[2][2][0])
b = [a]
print(b)
c = []
c.append(c)
c.append(c)
print(c)
d = [1]
e = [d, d]
print(e)

# while conditions combining and/or/not.
i, j = 0, 10
while i < j and not (i == 3 and j == 7):
    i += 1
    j -= 1
print(i, j)
data = [3, 1, 4, 1, 5, 9, 2, 6]
k = 0
while k < len(data) and data[k] != 9:
    k += 1
print(k)

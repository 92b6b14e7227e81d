# The for loop variable keeps its last value after the loop.
for i in range(5):
    pass
print(i)
for ch in "xyz":
    pass
print(ch)
j = "unchanged"
for j in []:
    pass
print(j)
for a, b in [(1, 2), (3, 4)]:
    pass
print(a, b)

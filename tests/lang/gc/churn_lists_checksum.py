# 200 rounds of building and dropping 1000-element lists.
checksum = 0
for r in range(200):
    lst = list(range(r, r + 1000))
    checksum = (checksum + lst[r % 1000] * 31 + len(lst)) % 1000000007
print(checksum)

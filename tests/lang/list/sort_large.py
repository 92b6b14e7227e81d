# Sorting a few thousand pseudo-random ints.
x = 12345
vals = []
for i in range(3000):
    x = (x * 1103515245 + 12345) % 2147483648
    vals.append(x % 10000)
s = sorted(vals)
ok = True
for i in range(1, len(s)):
    if s[i - 1] > s[i]:
        ok = False
print(ok, s[:5], s[-5:], sum(s))
vals.sort(reverse=True)
print(vals[:5])

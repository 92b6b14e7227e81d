# Slice bounds far outside the sequence are clamped.
a = [1, 2, 3]
print(a[-10:10], a[10:], a[:-10], a[2:-10:-1], a[-10:10:-1], a[5:0:-1])
s = "abc"
print(s[-10:10], repr(s[10:]), s[::-10], s[::10])
print(a[1:2:100], a[::-100])

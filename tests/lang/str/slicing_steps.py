# Slicing with positive and negative steps.
s = "abcdefghij"
print(s[::2])
print(s[1::2])
print(s[::-1])
print(s[::-2])
print(s[8:2:-1])
print(s[8:2:-3])
print(s[2:8:3])
print(s[-1:-6:-1])
print(s[1:-1:2])
print(s[:2:-1])
print(s[5::-2])
print(repr(s[2:8:-1]))

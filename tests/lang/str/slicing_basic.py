# Slicing with start, stop and omitted bounds.
s = "abcdefghij"
print(s[2:5])
print(s[:3])
print(s[7:])
print(s[:])
print(s[-3:])
print(s[:-3])
print(s[-5:-2])
print(s[3:3] == "")
print(s[5:2] == "")
print(s[-100:100])
print(s[100:])

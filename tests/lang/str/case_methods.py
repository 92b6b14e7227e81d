# upper, lower, title, capitalize and swapcase.
s = "hello WORLD, it's 2nd time"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print("éTÉ".lower(), "été".upper())
print("ÉCOLE".capitalize())
print("".upper(), "123".upper())
print("hello world".title())
print("o'neil mc-donald".title())

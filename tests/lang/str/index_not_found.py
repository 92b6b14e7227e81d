# str.index raises ValueError when the substring is absent.
print("banana".index("n"))
print("banana".index("x"))

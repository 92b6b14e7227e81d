# str.rsplit splits from the right.
print("a b c d".rsplit(None, 1))
print("a,b,c".rsplit(",", 1))
print("a,b,c".rsplit(","))
print("  x  y  ".rsplit())
print("a::b::c".rsplit("::", maxsplit=1))
print("abc".rsplit("b"))

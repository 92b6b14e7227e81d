# strip, lstrip and rstrip with and without characters.
s = "  \t hello world \n "
print(repr(s.strip()))
print(repr(s.lstrip()))
print(repr(s.rstrip()))
print("xxhixx".strip("x"))
print("xyhiyx".strip("xy"))
print("abcba".lstrip("ab"))
print("abcba".rstrip("ab"))
print(repr("   ".strip()))
print("www.example.com".strip("cmowz."))
print(repr("".strip()))

# Padding counts code points; fill characters may be non-ASCII.
for w in [0, 3, 6, 7]:
    print(repr("été".center(w, "·")), repr("été".ljust(w, "é")), repr("été".rjust(w)), repr("-7".zfill(w)), repr("+é".zfill(w)))
print("ab".center(5), "abc".center(6, "*"), "a".center(4, "-"), "12".zfill(5), "".zfill(3))
print("a\tbc\td".expandtabs(), "a\tbc\td".expandtabs(3), "ab\n\tc".expandtabs(4), "\t".expandtabs(0))
print("--x--".strip("-"), "xyé".rstrip("éy"), "  \u3000t\xa0 ".strip(), "abc".lstrip("ba"), "abc".removeprefix("ab"), "abc".removesuffix("bc"))
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))

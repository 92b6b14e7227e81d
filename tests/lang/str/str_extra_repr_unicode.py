# repr() and ascii() of non-printable and non-ASCII code points.
for s in ["é", "日本", "\xa0", "\u200b", "\u2028", "\x7f", "\x00", "\U0001f600", "\U000e0001", "\ud7ff", "a\u0301", "\x85"]:
    print(repr(s), ascii(s), len(s))
print(repr("it's \"é\""), ascii("it's é"))
print([("é", 1)], {"k": "\u3000"})

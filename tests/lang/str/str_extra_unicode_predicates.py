# Character-class predicates over non-ASCII text.
samples = ["١٢٣", "²³", "½", "Ⅻ", "日本", "é1", "\u3000\xa0", "\x1c\x1f", "ǅemal", "Hello World",
           "Hello world", "_x1", "1x", "αβγ", "ΑΒΓ", "\u200b", "a\tb", "", "x y", "ǅ"]
for s in samples:
    print(repr(s), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isalpha(), s.isalnum(),
          s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())

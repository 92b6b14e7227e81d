# str.count counts non-overlapping occurrences.
s = "banana"
print(s.count("a"), s.count("an"), s.count("ana"), s.count("x"))
print(s.count(""), "".count(""))
print("aaaa".count("aa"))
print(s.count("a", 2), s.count("a", 2, 4))

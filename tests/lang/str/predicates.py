# isdigit, isalpha, isalnum, isspace, isupper and islower.
tests = ["abc", "ABC", "aBc", "123", "a1", " ", " \t\n", "", "é", "日本", "Abc Def", "ABC1", "abc!"]
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower())

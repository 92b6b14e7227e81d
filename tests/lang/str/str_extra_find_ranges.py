# find/count/startswith/endswith with start and end, including negatives and None.
s = "héllo héllo"
for sub in ["", "l", "é", "héllo", "lo h", "z"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 3), s.rfind(sub, -5),
          s.count(sub, 2, -2), s.find(sub, None, 4), s.count(sub, 20), s.find(sub, 11), s.find(sub, 12))
print(s.startswith("él", 1), s.endswith("héllo", 0, 5), s.startswith(("x", "hé")), s.endswith("", 11), s.endswith("", 12))
print(s.index("o"), s.rindex("o"), s.index("l", 4, 9), "abc".startswith("", 3), "abc".startswith("", 4))
print("aaaa".count("aa"), "aaaa".replace("aa", "b"), "abc".replace("", "-"), "abc".replace("", "-", 2), "héé".replace("é", "e", 1))

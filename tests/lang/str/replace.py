# str.replace with counts and empty patterns.
print("hello world".replace("o", "0"))
print("aaaa".replace("a", "b", 2))
print("aaaa".replace("aa", "b"))
print("abc".replace("", "-"))
print("abc".replace("x", "y"))
print("abcabc".replace("abc", ""))
print("日本日本".replace("本", "x"))
print("a.b.c".replace(".", ". ", 1))

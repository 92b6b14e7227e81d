# ascii() escapes non-ASCII characters.
print(ascii("abc"))
print(ascii("é"))
print(ascii("日本"))
print(ascii("😀"))
print(ascii("a\nb"))
print(ascii(["é", 1]))

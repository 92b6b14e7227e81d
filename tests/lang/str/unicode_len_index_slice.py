# Non-ASCII characters count as one character each.
s = "héllo"
print(len(s), s[1], s[-4:])
j = "日本語テキスト"
print(len(j), j[0], j[2], j[-1], j[1:3], j[::-1])
e = "a😀b👍c"
print(len(e), e[1], e[3], e[::2], e[::-1])
m = "é日😀x"
for ch in m:
    print(ch, ord(ch))
print(m[1:3])
print("日本" + "語", "日" * 3)

# join, replace, case mapping and stepped slices write their result in place
# at a length computed beforehand: the text, len() (code points), indexing and
# dict lookups of the results must agree with strs built another way.
def show(s):
    copy = ""
    for ch in s:
        copy += ch
    print(repr(s), len(s), s[len(s) // 2] if s else "-", s == copy)


words = ["héllo", "wörld", "日本", "", "x"]
show(" ".join(words))
show("—".join(words))
show("".join(words))
show(", ".join(w for w in words if w))
show("::".join(("a", "é")))
show("ab".join([]))
show("€".join(["", ""]))
one = "solo"
print(" ".join([one]) is one)

show("héllo wörld".replace("ö", "oe"))
show("héllo wörld".replace("l", "ł"))
show("ßßß".replace("ß", "ss", 2))
show("aaaa".replace("a", ""))
show("abc".replace("", "·"))
show("abc".replace("", "-", 2))
show("".replace("", "日"))
show("日本".replace("", ""))
show("abab".replace("ab", "ab", 0))
show("aaa".replace("aa", "b"))

show("héllo wörld".upper())
show("HELLO World".lower())
show("hello world".title())
show("hELLO".capitalize())
show("MiXeD cAsE".swapcase())

show("abcdefgh"[::2])
show("abcdefgh"[::-3])
show("añbñcñ"[1::2])

# 3000 pieces: the result is a large object (more than 2 KiB).
big = "-".join(str(i % 10) for i in range(3000))
print(len(big), big[:12], big[-5:], big.count("-"))
edited = big.replace("-", "é")
print(len(edited), edited[1], edited.count("é"))
d = {"héllo wörld": 1, "HÉLLO": 2}
print(d[" ".join(["héllo", "wörld"])], d["héllo".upper()])

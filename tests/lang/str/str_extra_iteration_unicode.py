# Iterating and slicing non-ASCII strings by code point.
s = "añb日🙂c"
print(list(s), len(s), [c for c in s if not c.isascii()])
print(s[1], s[-1], s[-2], s[3:5], s[::-1], s[::2], s[1::3], s[-3:], s[10:], s[:-10])
it = iter(s)
print(next(it), next(it), list(it), list(it))
print(sorted("bcaé"), max("abé"), min("xyz"), "é" > "z", "a" < "aa", "" < "a")
print(str(), str(5), str("x"), str([1, "a"]), str(2.5), str(None))
d = {}
for w in "the cat the hat the é".split():
    d[w] = d.get(w, 0) + 1
print(d, hash("abc") == hash("ab" + "c"), "abc" == "ab" + "c")

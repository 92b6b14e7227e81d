# ord() and chr() round-trip code points.
for c in ["a", "A", "0", " ", "\n", "é", "日", "😀", "\x00"]:
    print(repr(c), ord(c))
for n in [65, 97, 48, 233, 26085, 128512, 10]:
    print(n, repr(chr(n)))
print(chr(ord("a") + 1))
print("".join([chr(ord(c) - 32) for c in "abc"]))

# split/rsplit with maxsplit keep the untouched remainder verbatim.
s = "  a  b \t c  "
for n in range(-1, 4):
    print(n, s.split(None, n), s.rsplit(None, n))
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "a,,b".split(","), ",a,".rsplit(","))
print("x".split("x"), "".split(), "".split(","), "abcabc".split("bc"), "aaa".split("aa"), "aaa".rsplit("aa"))
print("a\u3000b\x1cc\x85d".split(), "one two".split(maxsplit=0), "a b c".split(sep=None, maxsplit=1))
print("l1\nl2\r\nl3\rl4\x0bl5\x0cl6\x1cl7\x85l8\u2028l9".splitlines())
print("a\n\nb\r\n".splitlines(True), "".splitlines(), "\n".splitlines(), "x\n".splitlines(keepends=True))

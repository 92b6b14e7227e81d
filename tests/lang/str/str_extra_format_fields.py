# str.format: numbering, attributes, items, conversions and nested specs.
import math
print("{0.pi:.3f} {1[k]} {1[k2][0]} {2[1]}".format(math, {"k": "v", "k2": [9]}, ["a", "b"]))
print("{:>{}}|{:{}{}}|{:{w}.{p}f}".format("a", 4, "b", "^", 5, 3.14159, w=8, p=2))
print("{!r:>6}|{!s:<4}|{!a}".format("é", 1, "é"))
print("{0}{1}{0}".format("ab", "-"), "{{}} {{{0}}}".format(7), "{}".format({"a": 1}))
print("{name}-{0}".format(1, name="n"), "{0[0]}{0[1]}".format("xy"))
print("{:,} {:_x} {:08.3f} {:+} {: } {:e} {:%}".format(1234567, 255, 3.14159, 5, 5, 1234.5, 0.125))
print("{:c}{:c}".format(72, 233), "{:#b} {:#o} {:#X}".format(5, 8, 255), "{:=+8}".format(-3))
print("{a}-{b!r}".format_map({"a": 1, "b": "x"}))
print(format(True, ">5"), format(False), format(3, ".2f"), format("s", "^5"), format(12))
print("abc".translate({97: "X", 98: None, 99: 100}), "tab".translate({}))

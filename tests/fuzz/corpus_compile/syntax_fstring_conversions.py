# !r, !s and !a conversions.
s = "café\n"
print(f"{s!r}")
print(f"{s!s}")
print(f"{s!a}")
print(f"{'x'!r:>6}|")
print(f"{42!r} {42!s} {42!a}")
print(f"{[1, 'a']!r}")
print(f"{'日本'!a}")

# str.splitlines with every line ending and keepends.
print("a\nb\nc".splitlines())
print("a\nb\n".splitlines())
print("a\r\nb\rc".splitlines())
print("".splitlines())
print("\n".splitlines())
print("a\n\nb".splitlines())
print("x\ny\n".splitlines(True))
print("x\r\ny".splitlines(keepends=True))

# Generators can be unpacked into names, starred targets and calls.
def three():
    yield "a"
    yield "b"
    yield "c"
x, y, z = three()
print(x, y, z)
first, *rest = three()
print(first, rest)
print(*three(), sep="-")
print([*three(), *three()])

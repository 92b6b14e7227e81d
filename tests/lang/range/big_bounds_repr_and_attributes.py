# range() takes ints of any size: repr, attributes and truth of big ranges.
B = 10 ** 20
r = range(B)
print(r, repr(range(-B, B, 7)), range(B, 0, -3))
print(r.start, r.stop, r.step, type(r.stop).__name__)
print(range(True, B, True), range(2 ** 47), range(-2 ** 47 - 1, 0, 2 ** 47))
print(bool(r), bool(range(B, 0)), bool(range(B, B + 1)))
print(str(range(-10 ** 30, 10 ** 30, 10 ** 29)))

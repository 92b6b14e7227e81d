# An error raised by a sort key function.
print(sorted([3, 1, 2], key=lambda v: -v))
print(sorted([3, 1, 2], key=lambda v: v.missing))

# in and not in on lists.
a = [1, "two", 3.0, [4], None]
print(1 in a, "two" in a, 3 in a, [4] in a, None in a)
print(5 in a, "t" in a, 4 not in a)
print(True in [1], 1.0 in [True])

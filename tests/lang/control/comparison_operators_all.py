# Every comparison operator on ints, floats and strings.
pairs = [(1, 2), (2, 2), (3, 2), (1.5, 1), ("a", "b"), ("b", "b")]
for a, b in pairs:
    print(a, b, a < b, a <= b, a == b, a != b, a >= b, a > b)

# in / not in across container types.
print(2 in [1, 2], 2 in (1, 2), "b" in "abc", "k" in {"k": 1}, 3 in range(5))
print(2 not in [1, 2], "z" not in "abc", 1 not in {"k": 1}, 9 not in range(5))
print([1] in [[1], [2]], (1,) in [(1,)], "" in "x")
print(not 1 in [1])

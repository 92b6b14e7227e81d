# len of every sized type.
print(len(""), len("abc"), len("日本"), len([]), len([1, 2]), len(()), len((1,)))
print(len({}), len({"a": 1}), len(range(10)), len(range(0, 10, 3)))
d = {"a": 1}
print(len(d.keys()), len(d.values()), len(d.items()))

# str() of every supported type.
print(str(1), str(-2.5), str(True), str(None))
print(str([1, "a"]), str((1,)), str({"a": 1}))
print(str("s"), str(""), repr(str()))
print(str(range(3)))
print(str(2 ** 100))
print(str(1e100))

# list() from strings, tuples, ranges, dicts and lists.
print(list())
print(list("abc"))
print(list((1, 2)))
print(list(range(5)))
print(list({"a": 1, "b": 2}))
a = [1, 2]
b = list(a)
b.append(3)
print(a, b)
print(list(reversed([1, 2, 3])))
print(list(enumerate("ab")))

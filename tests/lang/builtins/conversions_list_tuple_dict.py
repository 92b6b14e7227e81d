# list, tuple and dict constructors.
print(list("ab"), list((1, 2)), list(range(3)), list({"k": 1}), list())
print(tuple([1, 2]), tuple("ab"), tuple(range(2)), tuple())
print(dict([("a", 1)]), dict(a=1), dict(), dict({"b": 2}))
print(list(map(str, range(3))), tuple(zip("ab", "cd")))

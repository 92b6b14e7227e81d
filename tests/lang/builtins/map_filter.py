# map and filter with functions, lambdas and None.
print(list(map(str, [1, 2, 3])))
print(list(map(lambda x: x * x, range(5))))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
print(list(filter(lambda x: x % 2, range(10))))
print(list(filter(None, [0, 1, "", "a", [], [0], None])))
print(list(map(len, ["a", "bb"])), list(map(abs, [-1, 2])))
print(list(map(int, "123")))

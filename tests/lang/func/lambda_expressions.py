# Lambdas with defaults, closures and immediate calls.
sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda: "no args")())
print(list(map(lambda s: s.upper(), ["a", "b"])))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))

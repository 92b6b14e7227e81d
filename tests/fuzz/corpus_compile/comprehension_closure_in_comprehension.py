# Comprehensions see enclosing function variables.
def scale(values, factor):
    return [v * factor for v in values]
print(scale([1, 2, 3], 10))
def pairs_with(n):
    return [(i, n) for i in range(n)]
print(pairs_with(3))
offset = 100
print([i + offset for i in range(3)])
fs = [lambda: i for i in range(3)]
print([f() for f in fs])

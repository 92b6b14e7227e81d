# Comprehension variables do not leak into the enclosing scope.
x = "outer"
result = [x for x in range(3)]
print(result, x)
y = 10
squares = {y: y * y for y in range(3)}
print(squares, y)
print([x for _ in range(2)])
def f():
    z = "local"
    r = [z for z in "ab"]
    return r, z
print(f())

# Iterating a big range, forwards and reversed, yields exact big ints.
B = 10 ** 20
for x in range(B, B + 3):
    print(x)
for i, x in enumerate(reversed(range(0, B, B // 4))):
    print(i, x)
it = iter(range(B - 2, B + 2))
print(type(it).__name__, next(it), next(it), list(it), list(it))
print(type(iter(range(5))).__name__, type(reversed(range(5))).__name__, type(reversed(range(B))).__name__)
print(list(reversed(range(B - 3, B + 3, 2))), list(reversed(range(B, 0))), next(reversed(range(B))))
print(sum(range(B, B + 100)), max(range(B - 5, B)), sorted(range(B, B - 4, -1)))
print(list(range(2 ** 47 - 3, 2 ** 47 + 3, 2)), list(reversed(range(-2 ** 47, -2 ** 47 + 5, 2))))
print(list(range(0, -1, -2 ** 63)), list(reversed(range(0, 10, 2 ** 70))))

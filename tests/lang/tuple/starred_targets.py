# Starred assignment targets collect the rest into a list.
a, *b, c = 1, 2, 3, 4, 5
print(a, b, c)
*init, last = [1, 2, 3]
print(init, last)
first, *rest = "hello"
print(first, rest)
x, *y, z = 1, 2
print(x, y, z)
(p, *q), r = (1, 2, 3), 4
print(p, q, r)
for head, *tail in [(1, 2, 3), (4,)]:
    print(head, tail)
*all_, = range(3)
print(all_)

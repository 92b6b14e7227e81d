# Sets of ints iterate in CPython's hash-table order (collisions included).
s = set()
for x in [19, 43, 13178, 1, 9, 17, 25, 8, 16, -1, -2, 2**40, 2**47, -2**47]:
    s.add(x)
print(s)
print(list(s))
print(set([x * 8 for x in range(20)]))
print(set([x * 37 % 101 for x in range(50)]))

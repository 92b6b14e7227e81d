# Set literals, membership and operations on small ints.
s = {3, 1, 2}
print(sorted(s), len(s), 2 in s, 5 in s)
s.add(4)
s.discard(1)
s.remove(3)
print(sorted(s))
a = {1, 2, 3}
b = {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= {1, 2, 3, 4}, {1} < a, a == {3, 2, 1})
print(set(), set("aab") == {"a", "b"})

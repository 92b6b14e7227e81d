# +, *, len, in and tuple().
a = (1, 2)
print(a + (3,), a * 2, 0 * a, len(a), 2 in a, 5 in a)
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple(a) == a)
t = ()
t += (1,)
t += (2, 3)
print(t)
print(bool(()), bool((0,)))

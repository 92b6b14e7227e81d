# hash() of a tuple nested 100 000 deep: CPython computes it (no recursion check).
# hostile: modes=interp,plain,jit timeout=60
x = ()
for i in range(100000):
    x = (x,)
print(hash(x) == hash(x))

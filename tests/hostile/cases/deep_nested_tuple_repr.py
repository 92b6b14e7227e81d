# repr of a tuple nested 100 000 deep: RecursionError.
# hostile: modes=interp,plain,jit timeout=60
x = ()
for i in range(100000):
    x = (x,)
print("built")
print(x)

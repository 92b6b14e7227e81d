# repr of a dict nested 100 000 deep: RecursionError.
# hostile: modes=interp,plain,jit timeout=60
x = {}
for i in range(100000):
    x = {1: x}
print("built")
print(x)

# repr of a list nested 100 000 deep: CPython raises RecursionError.
# hostile: modes=interp,plain,jit timeout=60
x = []
for i in range(100000):
    x = [x]
print("built")
print(x)

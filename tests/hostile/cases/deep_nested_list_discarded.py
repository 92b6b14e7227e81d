# Building and dropping structures nested a million deep: freeing them must not
# hostile: modes=interp,plain,jit timeout=60
# recurse on the C stack either.
for round in range(3):
    x = []
    for i in range(1000000):
        x = [x]
    x = None
print("done")

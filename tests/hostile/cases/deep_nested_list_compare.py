# == between two lists nested 100 000 deep: RecursionError in comparison.
# hostile: modes=interp,plain,jit timeout=60
x = []
y = []
for i in range(100000):
    x = [x]
    y = [y]
print("built")
print(x == y)

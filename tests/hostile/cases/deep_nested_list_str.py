# str() of a list nested 100 000 deep, caught: RecursionError, and the VM carries on.
# hostile: modes=interp,plain,jit timeout=60
x = []
for i in range(100000):
    x = [x]
try:
    s = str(x)
except RecursionError as e:
    print("RecursionError:", e)
print("still running", len(x))

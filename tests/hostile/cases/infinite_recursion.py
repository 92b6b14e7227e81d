# Unbounded recursion in plain Python code: RecursionError, never a C stack overflow.
def down(n):
    return down(n + 1) + 1


print("before")
down(0)

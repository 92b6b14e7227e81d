# Unbounded recursion raises RecursionError, which can be caught.
import sys
sys.setrecursionlimit(150)
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
print(issubclass(RecursionError, RuntimeError))

# Lowering the recursion limit makes moderate recursion fail.
import sys
sys.setrecursionlimit(100)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(50))
print(depth(200))

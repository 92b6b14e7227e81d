# Raising the recursion limit lets pure-Python recursion go 50 000 frames deep
# (CPython 3.11 does not use the C stack for Python-to-Python calls).
import sys

sys.setrecursionlimit(100000)


def depth(n):
    return 0 if n == 0 else depth(n - 1) + 1


print(depth(50000))

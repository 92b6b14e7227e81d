# getrecursionlimit/setrecursionlimit control the maximum depth.
import sys
old = sys.getrecursionlimit()
print(type(old).__name__, old > 50)
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0) < 200)
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)

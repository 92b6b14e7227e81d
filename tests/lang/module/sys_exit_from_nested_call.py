# sys.exit from deep inside calls still exits with the given status.
import sys
def level(n):
    if n == 0:
        print("exiting at depth")
        sys.exit(7)
    level(n - 1)
level(20)

# sys.exit() with no argument exits with status 0.
import sys
def finish():
    print("finishing inside a function")
    sys.exit()
finish()
print("not printed")

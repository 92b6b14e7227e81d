# sys.exit with an integer status writes nothing to stderr.
import sys
print("before exit")
sys.exit(3)
print("not printed")

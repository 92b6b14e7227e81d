# sys.exit(0) ends the program successfully.
import sys
print("exiting cleanly")
sys.exit(0)
print("not printed")

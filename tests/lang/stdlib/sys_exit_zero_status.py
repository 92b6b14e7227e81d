# sys.exit(0) ends the program successfully.
import sys
print("before")
sys.exit(0)
print("after")

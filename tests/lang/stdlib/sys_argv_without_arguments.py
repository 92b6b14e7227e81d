# Without arguments, sys.argv holds only the script name.
import sys
print(len(sys.argv), type(sys.argv).__name__, sys.argv[0].split("/")[-1])

# Without arguments sys.argv holds only the script name.
import sys
print(len(sys.argv), sys.argv[0].endswith("sys_argv_none.py"))
print(sys.argv[1:])

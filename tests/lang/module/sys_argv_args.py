# args: alpha "beta gamma" 42 --flag
import sys
print(len(sys.argv))
print(sys.argv[1:])
print(sys.argv[0].endswith("sys_argv_args.py"))
print(int(sys.argv[3]) * 2)
for a in sys.argv[1:]:
    print(repr(a))

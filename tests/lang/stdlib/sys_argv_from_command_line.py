# args: first second "with space" 42
import sys
print(len(sys.argv), sys.argv[1:])
print(sys.argv[0].endswith("sys_argv_from_command_line.py"))
print(int(sys.argv[4]) * 2)

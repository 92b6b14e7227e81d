# Other sys attributes and functions used by programs.
import sys
print(sys.getrecursionlimit())
print(sys.maxsize)
print(sys.maxsize == 2 ** 63 - 1)
sys.stdout.write("written directly\n")
n = sys.stdout.write("abc")
print()
print(n)

# sys.stdout.write writes without a newline and returns the count.
import sys
n = sys.stdout.write("abc")
sys.stdout.write("def\n")
print(n)
sys.stdout.write("x" * 3 + "\n")
print("end", file=sys.stdout)

# Output written to stderr does not appear on stdout.
import sys
print("to stdout")
print("to stderr", file=sys.stderr)
sys.stderr.write("also stderr\n")
print("done")

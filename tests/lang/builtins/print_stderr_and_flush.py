# print to stderr is not part of stdout; flush is accepted.
import sys
print("to stdout 1")
print("to stderr", file=sys.stderr)
print("to stdout 2", flush=True)
print("more stderr", 42, sep=":", file=sys.stderr, flush=True)
print("to stdout 3", file=sys.stdout)

# sys.exit raises SystemExit; finally blocks still run.
import sys
try:
    print("working")
    sys.exit(3)
finally:
    print("cleanup runs")
print("not reached")

# SystemExit can be caught and inspected.
import sys
for arg in [None, 0, 4, "message"]:
    try:
        sys.exit(arg) if arg is not None else sys.exit()
    except SystemExit as e:
        print(repr(e.code), e.args)
print("still running")

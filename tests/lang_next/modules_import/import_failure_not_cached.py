# A module that raises during import is not left in sys.modules.
import sys
for attempt in range(2):
    try:
        import broken_mod
    except ZeroDivisionError as e:
        print("attempt", attempt, "failed:", e, "| cached:", "broken_mod" in sys.modules)

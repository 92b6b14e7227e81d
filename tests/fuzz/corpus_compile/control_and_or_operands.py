# and / or return one of their operands and short-circuit.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print("" or "default", "x" or "default", [] and "never", [0] and "yes")
print(None or 0 or "" or "last", None and 1)
print(0 or None, 5 and 0.0)
def loud(v):
    print("eval", v)
    return v
print(loud(0) and loud(1))
print(loud(1) or loud(2))
print(loud(1) and loud(2) and loud(0) and loud(3))
print(loud(0) or loud("") or loud(None))
print(not 0, not 1, not "", not [1])

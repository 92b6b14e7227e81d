# Iterating dicts, items and strings in comprehensions.
d = {"a": 1, "b": 2, "c": 3}
print([k for k in d])
print([v for v in d.values() if v > 1])
print([k + str(v) for k, v in d.items()])
print([ord(c) for c in "AZ"])
print({c: c.upper() for c in "xy"})

# Printing dicts that contain themselves: {...} marks the cycle.
d = {"k": 1}
d["self"] = d
print(d)
print({"outer": d})
d[0] = [d, d]
print(d)
print(str(d) == repr(d))

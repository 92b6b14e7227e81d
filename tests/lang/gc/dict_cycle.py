# Dicts that reference each other form a cycle that is collected.
import gc
for i in range(300):
    d1 = {"n": i}
    d2 = {"other": d1}
    d1["other"] = d2
    d1["self"] = d1
print(d1["n"], d2["other"]["other"]["other"]["n"])
d1 = d2 = None
gc.collect()
print("ok")

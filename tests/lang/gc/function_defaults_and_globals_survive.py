# Objects reachable only from defaults and globals survive.
import gc
def f(cache=[]):
    cache.append([len(cache)])
    return cache
registry = {"lists": []}
for i in range(200):
    f()
    registry["lists"].append((i, str(i)))
    if i % 40 == 0:
        gc.collect()
print(len(f()), f()[-1], registry["lists"][-1], len(registry["lists"]))

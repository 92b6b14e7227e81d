# OrderedDict.popitem pops from the end or, with last=False, from the front.
from collections import OrderedDict
od = OrderedDict(a=1, b=2, c=3, d=4)
print(od.popitem(), od.popitem(last=False), od)
od["z"] = 26
print(list(od.items()))
cache = OrderedDict()
for key in ["k1", "k2", "k3", "k1", "k4"]:
    cache[key] = True
    cache.move_to_end(key)
    if len(cache) > 3:
        print("evict", cache.popitem(last=False)[0])
print(list(cache))

# ChainMap reads through all its maps and writes only to the first.
from collections import ChainMap
defaults = {"color": "red", "size": 1}
user = {"size": 3}
cm = ChainMap(user, defaults)
print(cm["color"], cm["size"], len(cm), sorted(cm), "color" in cm, cm.get("zzz", 0))
cm["color"] = "blue"
print(user, defaults, cm)
child = cm.new_child({"size": 9})
print(child["size"], child.parents["size"], child.maps[1:] == cm.maps)
try:
    del cm["missing"]
except KeyError as e:
    print("KeyError", e)

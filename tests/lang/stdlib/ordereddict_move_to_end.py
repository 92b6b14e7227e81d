# OrderedDict.move_to_end moves a key to either end.
from collections import OrderedDict
od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
print(list(od))
od.move_to_end("e", last=False)
print(list(od), od)
od2 = OrderedDict([("x", 1), ("y", 2)])
print(od2, od2 == OrderedDict([("y", 2), ("x", 1)]), od2 == {"y": 2, "x": 1})

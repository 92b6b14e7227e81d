# Two OrderedDicts are equal only in the same order; against a dict order is ignored.
from collections import OrderedDict
a = OrderedDict(x=1, y=2)
b = OrderedDict(y=2, x=1)
print(a == b, a == dict(b), a != b, a == OrderedDict(x=1, y=2))
a.move_to_end("x")
print(a, a == b, list(reversed(a)))
print(OrderedDict.fromkeys("abc", 0), OrderedDict(), a.copy(), a | {"z": 3})

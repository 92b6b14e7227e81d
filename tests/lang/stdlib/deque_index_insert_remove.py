# deque supports index (with bounds), insert, remove, del and item assignment.
from collections import deque
d = deque("abcdef")
print(d.index("c"), d.index("c", 2), d.index("a", -10, 10))
d.insert(2, "X")
d.remove("e")
del d[0]
d[-1] = "Z"
print(d, d[1], d[-2], len(d), "X" in d, d.count("X"))
for bad in [lambda: d.index("q"), lambda: d.remove("q"), lambda: d[40], lambda: deque([1], 1).insert(0, 2)]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)

# rotate moves items from one end to the other.
from collections import deque
d = deque(range(6))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
print(d, d.index(4), d.count(1))
d.reverse()
print(d)
d.remove(3)
print(d)

# deque append/appendleft/pop/popleft/extend and repr.
from collections import deque
d = deque([2, 3])
d.append(4)
d.appendleft(1)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([0, -1])
print(d, list(d), 7 in d)
d.clear()
print(d, bool(d))
try:
    d.pop()
except IndexError as e:
    print(e)

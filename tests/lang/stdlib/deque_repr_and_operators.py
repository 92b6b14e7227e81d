# deque repr (with maxlen), concatenation, repetition, comparison and copying.
from collections import deque
d = deque([1, 2, 3], maxlen=5)
print(d, deque(), deque(range(8), 3), d + deque([9]), d * 2, deque([1, 2]) < deque([1, 3]))
r = deque()
r.append(r)
print(r, d.copy(), d.maxlen, deque().maxlen, d == deque([1, 2, 3]), d != deque([1, 2]))
class Queue(deque):
    pass
print(Queue([1]), Queue([1], 2), bool(deque()), bool(d))

# A deque with maxlen drops items from the opposite end.
from collections import deque
d = deque(maxlen=3)
for i in range(6):
    d.append(i)
    print(d)
d.appendleft(-1)
print(d, d.maxlen)
last3 = deque("abcdefg", 3)
print(last3, deque().maxlen)

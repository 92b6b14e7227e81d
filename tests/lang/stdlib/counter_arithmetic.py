# Counters support +, -, & and | and update/subtract.
from collections import Counter
a = Counter(a=3, b=1, c=2)
b = Counter(a=1, b=2, d=4)
print(a + b)
print(a - b)
print(a & b)
print(a | b)
a.update("aab")
print(a)
a.subtract({"a": 10})
print(a, +a)

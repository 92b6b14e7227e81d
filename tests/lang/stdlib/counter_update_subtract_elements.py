# Counter.update adds counts, subtract takes them away, elements repeats keys by count.
from collections import Counter
c = Counter("abracadabra")
print(c, c["z"], c.total(), c.most_common(2))
c.update("aaz")
c.update({"q": 3})
c.subtract(a=2, b=9)
print(c, sorted(c.elements()))
del c["q"]
del c["missing"]
print(c, Counter(), Counter(a=0))

# Counter counts items; most_common orders by count.
from collections import Counter
c = Counter("abracadabra")
print(c)
print(c.most_common(2), c["a"], c["z"], len(c))
words = Counter(["x", "y", "x", "z", "x", "y"])
print(words.most_common(), sorted(words.elements()), words.total())

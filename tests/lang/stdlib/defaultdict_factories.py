# defaultdict creates missing values with its factory.
from collections import defaultdict
groups = defaultdict(list)
for word in ["apple", "bob", "avocado", "cat", "banana"]:
    groups[word[0]].append(word)
print(dict(groups), groups["z"], len(groups))
counts = defaultdict(int)
for c in "hello world":
    counts[c] += 1
print(sorted(counts.items()))
print(groups)
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 2
print(nested["a"]["x"], nested.default_factory is not None, "b" in nested)

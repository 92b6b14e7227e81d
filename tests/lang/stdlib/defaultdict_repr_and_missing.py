# defaultdict fills missing keys from its factory; its repr shows the factory.
from collections import defaultdict
words = defaultdict(list)
for w in ["apple", "bob", "avocado", "cat", "banana"]:
    words[w[0]].append(w)
print(words, words["z"], len(words), "q" in words, words.get("q"))
counts = defaultdict(int, {"x": 1}, y=2)
counts["x"] += 5
print(counts, counts.copy(), dict(counts), defaultdict(None))
try:
    defaultdict(None)["k"]
except KeyError as e:
    print("KeyError", e)
loop = defaultdict(list)
loop["self"] = loop
print(loop)

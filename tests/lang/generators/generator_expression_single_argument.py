# A genexp as the only argument needs no extra parentheses.
words = ["apple", "kiwi", "banana"]
print(max(len(w) for w in words), sorted(w[0] for w in words), ",".join(w.upper() for w in words))
print(list(w for w in words if "a" in w))

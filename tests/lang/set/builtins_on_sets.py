# Builtins iterate sets like any iterable.
s = set([5, 3, 9, 1])
print(sorted(s), len(s), sum(s), min(s), max(s))
print(list(s), tuple(s), any(s), all({0, 1}))
print(sorted(s, reverse=True), list(enumerate(sorted(s)))[:2])
print(list(zip(sorted(s), sorted(frozenset(s)))))

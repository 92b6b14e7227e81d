# len(), truth value and `in` / `not in`.
s = set([4, 5, 6])
print(len(s), len(set()), bool(s), bool(set()), bool(frozenset([0])))
print(5 in s, 7 in s, 7 not in s, (1, 2) in {(1, 2)})
if not set():
    print("empty is false")

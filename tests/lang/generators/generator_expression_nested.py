# Genexps with several for clauses and conditions.
pairs = ((a, b) for a in range(3) for b in range(3) if a < b)
print(list(pairs))
print(sum(x * y for x in range(1, 4) for y in range(1, 4)))
print(dict((k, len(k)) for k in ["a", "bb"]), tuple(c for c in "abc" if c != "b"))

# Generator expressions in calls.
print(sum(x * x for x in range(10)))
print(any(c.isdigit() for c in "abc1"), all(x > 0 for x in [1, 2]))
g = (c.upper() for c in "hey")
print(next(g), list(g))
print(max(len(w) for w in ["a", "abc", "ab"]))

# Using "in" on a generator consumes it up to the match.
g = (c for c in "abcdef")
print("c" in g, next(g), "a" in g, list(g))

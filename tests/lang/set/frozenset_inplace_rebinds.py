# An in-place operator on a frozenset builds a new frozenset.
f = frozenset([1])
g = f
f |= {2}
print(f, g, f is g)
f &= {2}
f -= {7}
f ^= {3}
print(f, g)

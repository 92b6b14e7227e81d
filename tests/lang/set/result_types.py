# Results take the type of the left operand (set or frozenset).
s = {1}
f = frozenset([2])
print(type(s | f).__name__, type(f | s).__name__)
print(type(f.union(s)).__name__, type(s.copy()).__name__, type(f.copy()).__name__)
print(type(s).__name__, type(f).__name__, type(iter(f)).__name__)

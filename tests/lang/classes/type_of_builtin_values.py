# type() names of builtin values.
vals = [1, 1.5, "s", [], (), {}, None, True, range(2), print, len]
print([type(v).__name__ for v in vals])
print(type(set()).__name__, type(frozenset()).__name__, type(type).__name__)

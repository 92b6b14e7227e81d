# isinstance and type with the built-in types.
values = [1, 1.5, "s", [], (), {}, None, True, range(1), len]
for v in values:
    print(type(v))
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance("", str))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(1, (str, int)))
print(type(1) == int, type(True) == int, type(True) == bool, type(1) is int)
print(type(type(1)))
print(int, str, list, dict, float, bool, tuple, range, type)

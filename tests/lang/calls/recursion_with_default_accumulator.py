# Recursive calls passing keyword arguments.
def flatten(items, *, depth=0, out=None):
    if out is None:
        out = []
    for x in items:
        if isinstance(x, list):
            flatten(x, depth=depth + 1, out=out)
        else:
            out.append((x, depth))
    return out
print(flatten([1, [2, [3, 4]], 5]))

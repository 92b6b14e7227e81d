# Recursion that threads a list through calls.
def flatten(lst, out):
    for item in lst:
        if type(item) == list:
            flatten(item, out)
        else:
            out.append(item)
    return out
print(flatten([1, [2, [3, [4, [5]]]], 6, [[7]]], []))
def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    result = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            result.append([items[i]] + p)
    return result
print(permutations([1, 2, 3]))
print(len(permutations([1, 2, 3, 4, 5])))

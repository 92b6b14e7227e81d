# Augmented assignment to subscripts evaluates the target once.
d = {"n": 1}
d["n"] += 10
d["n"] *= 2
print(d)
lst = [1, 2, 3]
lst[0] -= 5
lst[-1] **= 2
print(lst)
calls = []
def idx():
    calls.append(1)
    return 1
lst[idx()] += 100
print(lst, len(calls))
grid = [[0] * 2 for _ in range(2)]
grid[1][0] += 7
print(grid)

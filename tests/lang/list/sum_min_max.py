# sum, min and max over lists.
a = [3, -1, 4, 1, 5]
print(sum(a), min(a), max(a))
print(sum([]), sum([1.5, 2.5]), sum([1, 2], 10))
print(max(["b", "abc", "z"]), min([[2], [1, 5]]))
print(sum([[1], [2]], []))

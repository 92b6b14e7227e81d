# any and all, including empty inputs.
print(any([]), all([]))
print(any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]))
print(any([x > 3 for x in [1, 5]]), all([x > 3 for x in [1, 5]]))
print(all([x < 10 for x in range(10)]))
print(any("ab"), all(""), all([[]]))

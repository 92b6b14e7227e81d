# Keyword arguments of built-in functions.
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower))
print(1, 2, 3, sep=", ", end=" <end>\n")
print(max([1, 5, 3], key=lambda x: -x), min([], default="none"), int("ff", base=16))
print(sum([1, 2], start=10), round(2.675, ndigits=2), "a,b".split(sep=","))

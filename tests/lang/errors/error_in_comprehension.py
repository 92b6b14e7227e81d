# An error raised inside a list comprehension.
print([len(x) for x in ["a", "bb"]])
print([len(x) for x in ["a", 5]])

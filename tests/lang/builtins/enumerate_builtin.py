# enumerate with and without start.
print(list(enumerate("abc")))
print(list(enumerate(["x", "y"], 1)))
print(list(enumerate([], 5)))
print(list(enumerate("ab", start=-1)))
for i, v in enumerate([10, 20, 30]):
    print(i, v)

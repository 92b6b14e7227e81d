# reversed() over lists, strings, tuples and ranges.
print(list(reversed([1, 2, 3])))
print(list(reversed("abc")))
print(list(reversed((1, 2))))
print(list(reversed(range(5))))
print(list(reversed([])))
for x in reversed([10, 20]):
    print(x)

# zip stops at the shortest input.
print(list(zip([1, 2, 3], "abc")))
print(list(zip([1, 2], "abcdef", (True, False, None))))
print(list(zip()))
print(list(zip([1])))
print(dict(zip(["a", "b"], [1, 2])))
for a, b in zip(range(3), range(10, 13)):
    print(a + b)

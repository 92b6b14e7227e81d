# An error raised inside a lambda passed to a builtin.
print(list(map(lambda x: 10 // x, [1, 2, 5])))
print(list(map(lambda x: 10 // x, [1, 0])))

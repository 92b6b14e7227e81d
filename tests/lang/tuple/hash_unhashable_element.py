# A tuple containing a list cannot be hashed.
d = {(1, 2): 0}
print(d)
d[(1, [2])] = 1

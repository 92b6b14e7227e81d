# tuple.index of an absent value.
t = (1, 2)
print(t.index(2))
print(t.index(3))

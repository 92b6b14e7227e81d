# The genexp loop variable does not leak; it sees enclosing names lazily.
x = "outer"
g = (x for x in range(3))
print(list(g), x)
factor = 2
scaled = (v * factor for v in [1, 2, 3])
factor = 10
print(list(scaled))

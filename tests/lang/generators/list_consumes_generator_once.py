# Converting a generator to a list consumes it.
squares = (n * n for n in range(5))
print(list(squares), list(squares), tuple(x for x in "ab"))

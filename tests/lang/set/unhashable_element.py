# Adding an unhashable element raises TypeError.
s = {1}
s.add((2, 3))
print(s)
s.add([4])

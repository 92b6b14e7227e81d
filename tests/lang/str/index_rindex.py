# index and rindex return positions like find.
s = "banana"
print(s.index("a"), s.rindex("a"))
print(s.index("na"), s.rindex("na"))
print(s.index("a", 2), s.rindex("a", 0, 4))

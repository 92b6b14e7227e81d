# remove of a value not in the list.
a = [1, 2, 3]
a.remove(2)
print(a)
a.remove(5)

# max of an empty sequence without default.
print(max([1]))
print(max([]))

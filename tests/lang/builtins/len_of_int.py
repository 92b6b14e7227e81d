# len of an int is a TypeError.
print(len([1]))
print(len(5))

# int() of a list.
print(int("3"))
print(int([3]))

# Python 2 style print statement.
x = 1
print x

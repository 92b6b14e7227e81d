# A single-quoted string that runs to the end of the line.
x = 'abc
print(x)

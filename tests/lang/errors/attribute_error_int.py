# An attribute that ints do not have.
x = 5
print(x)
x.foo

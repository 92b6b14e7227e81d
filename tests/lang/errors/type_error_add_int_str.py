# Adding an int and a str.
x = 1
y = "2"
print(str(x) + y)
print(x + y)

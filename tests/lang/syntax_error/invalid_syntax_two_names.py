# Two names in a row.
x = 1
y = 2
x y

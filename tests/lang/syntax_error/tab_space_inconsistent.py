# The same block indented with spaces, then with a tab.
if True:
        x = 1
	y = 2
print(x, y)

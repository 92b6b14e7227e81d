# Explicit line continuation with a backslash.
x = 1 + \
    2 + \
    3
print(x)
if x == 6 and \
   x > 0:
    print("joined condition")
y = 'a' \
    'b'
print(y)

# A parenthesis that is never closed.
print("before")
x = (1 + 2
print(x)

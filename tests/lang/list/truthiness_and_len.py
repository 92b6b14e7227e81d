# Empty lists are false; len counts elements.
print(bool([]), bool([0]), bool([[]]))
print(len([]), len([1, 2, 3]))
a = []
if not a:
    print("empty")
a.append(0)
if a:
    print("non-empty")

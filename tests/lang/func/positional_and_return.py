# Positional parameters, return values and implicit None.
def add(a, b):
    return a + b
def nothing():
    pass
def early(x):
    if x > 0:
        return "positive"
    return
print(add(2, 3), add("a", "b"), add([1], [2]))
print(nothing(), early(1), early(-1))
def multi():
    return 1, "two", [3]
a, b, c = multi()
print(a, b, c, multi())

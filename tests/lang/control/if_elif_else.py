# if / elif / else picks the first true branch.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
for n in [-5, 0, 3, 10, 100]:
    print(n, classify(n))
x = 5
if x > 1:
    if x > 3:
        print("nested true")
    else:
        print("nested false")
if x:
    pass
else:
    print("unreached")

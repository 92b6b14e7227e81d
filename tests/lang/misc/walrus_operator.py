# Assignment expressions.
data = [1, 5, 12, 3]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 5])

# f-strings with names, expressions and literal braces.
name = "world"
n = 3
print(f"hello {name}")
print(f"{n} + 1 = {n + 1}")
print(F"upper F {n}")
print(f'{{literal braces}} {n}')
print(f"{'nested quotes'}")
print(f"{[1, 2, 3][1]}")
print(f"{ {'k': 'v'}['k'] }")
print(f"")
print(f"{n}{n}{n}")
print(f"{n * 'ab'}")

# f-strings with calls, conditionals and nested f-strings.
def sq(x):
    return x * x
vals = [3, 1, 2]
print(f"{sq(4)} {len(vals)} {sorted(vals)}")
print(f"{'yes' if vals else 'no'}")
print(f"{f'{1 + 1}'}")
print(f"sum={sum([v * 2 for v in vals])}")
d = {'a': 10}
print(f"{d['a']:>5}|")
print(f"{(lambda y: y + 1)(1)}")
print(f"{vals[-1]:03d}")

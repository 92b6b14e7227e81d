# Conditional expressions evaluate only the chosen branch.
def side(v):
    print("side", v)
    return v
for x in [0, 1]:
    print(side("yes") if x else side("no"))
y = 5
print("big" if y > 3 else "small")
print(1 if True else 2 if False else 3)
print(("a" if y > 10 else "b") + "c")
print([i if i % 2 else -i for i in range(5)])
